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
    string RecordedBy,
    DateTimeOffset Now);

public static class RegisterWorkerDecision
{
    public static Decision Decide(RegisterWorker command, Worker? state)
    {
        if (state is not null)
            return new StateConflict("Already registered", $"Worker {command.WorkerId} is already registered.");
        if (command.BirthDate > DateOnly.FromDateTime(command.Now.UtcDateTime))
            return new RuleBroken("birthDate", "Birth date in the future", "The birth date cannot be after today.");
        if (command.Nik is { } nik && !nik.Encodes(command.BirthDate, command.Sex))
            return new RuleBroken("nik", "NIK does not match the birth date",
                "Digits 7–12 of a NIK encode the birth date as DDMMYY, with 40 added to the day for women.");

        return Decision.Accept(new WorkerRegistered(command.WorkerId, command.Nik?.Value, command.FullName,
            command.Sex, command.BirthDate, command.OriginRegion.Value, command.RecordedBy, command.Now));
    }
}
