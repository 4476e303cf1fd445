using Coordination.Contracts;
using Coordination.Eventing;

namespace Coordination.WorkerRegistry.Workers.Registering;

public sealed record RegisterWorker(
    Guid WorkerId,
    Nik? Nik,
    string FullName,
    Sex Sex,
    DateOnly BirthDate,
    RegionCode OriginRegion,
    string? Phone,
    FamilyContact? FamilyContact,
    RecordSource Source,
    string RecordedBy,
    DateTimeOffset Now);

public static class RegisterWorkerDecision
{
    public static Decision Decide(RegisterWorker command, Worker? state)
    {
        if (state is not null)
            return new StateConflict("Already registered", $"Worker {command.WorkerId} is already registered.");
        if (IdentityRules.Check(command.Nik, command.Sex, command.BirthDate, command.OriginRegion, command.Now) is { } broken)
            return broken;

        return Decision.Accept(new WorkerRegistered(command.WorkerId, command.Nik?.Value, command.FullName, command.Sex,
            command.BirthDate, command.OriginRegion.Value, command.Phone, command.FamilyContact, command.Source,
            command.RecordedBy, command.Now));
    }
}

/// <summary>The rules a person's identity must hold, at registration and after every correction.</summary>
public static class IdentityRules
{
    public static RuleBroken? Check(Nik? nik, Sex sex, DateOnly birthDate, RegionCode origin, DateTimeOffset now)
    {
        if (birthDate > Wita.DayOf(now))
            return new RuleBroken("birthDate", "Birth date in the future", "The birth date cannot be after today.");
        if (birthDate.Year < 1900)
            return new RuleBroken("birthDate", "Birth date too early", "The birth date cannot be before 1900.");
        if (!RegionCatalog.IsKnownOrigin(origin))
            return new RuleBroken("originRegion", "Unknown origin region",
                $"{origin} is not a district (kecamatan), or a village in one, of the reference data.");
        if (nik is not { } n) return null;
        if (!RegionCatalog.IsKnownIssuingRegion(n))
            return new RuleBroken("nik", "NIK from an unknown region",
                "The first six digits of a NIK name the province, regency and district where it was issued; these name no known region.");
        if (!n.Encodes(birthDate, sex))
            return new RuleBroken("nik", "NIK does not match the birth date",
                "Digits 7–12 of a NIK encode the birth date as DDMMYY, with 40 added to the day for women.");
        return null;
    }
}
