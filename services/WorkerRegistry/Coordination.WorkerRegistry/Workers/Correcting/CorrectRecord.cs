using System.Globalization;
using System.Text.Json;
using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.WorkerRegistry.Workers.Registering;

namespace Coordination.WorkerRegistry.Workers.Correcting;

/// <summary>A named correction: only the fields given change, each recorded with its old value.</summary>
public sealed record CorrectRecord(
    Guid WorkerId,
    string? FullName,
    Sex? Sex,
    DateOnly? BirthDate,
    RegionCode? OriginRegion,
    Nik? Nik,
    string? Phone,
    FamilyContact? FamilyContact,
    string Reason,
    string CorrectedBy,
    DateTimeOffset Now);

public static class CorrectRecordDecision
{
    public static Decision Decide(CorrectRecord c, Worker? state)
    {
        if (WorkerWrites.CheckExisting(c.WorkerId, state) is { } error) return error;
        var corrections = new List<FieldCorrection>();
        void Compare(string field, string? from, string? to)
        {
            if (to is not null && to != from) corrections.Add(new FieldCorrection(field, from, to));
        }
        Compare("fullName", state!.FullName, c.FullName);
        Compare("sex", Corrections.Write(state.Sex), c.Sex is { } sex ? Corrections.Write(sex) : null);
        Compare("birthDate", Corrections.Write(state.BirthDate), c.BirthDate is { } birth ? Corrections.Write(birth) : null);
        Compare("originRegion", state.OriginRegion, c.OriginRegion?.Value);
        Compare("nik", state.Nik, c.Nik?.Value);
        Compare("phone", state.Phone, c.Phone);
        Compare("familyContact", Corrections.Write(state.FamilyContact), c.FamilyContact is null ? null : Corrections.Write(c.FamilyContact));
        if (corrections.Count == 0)
            return new RuleBroken("reason", "Nothing to correct", "Every field given already has that value.");

        var after = Corrections.Apply(state, corrections);
        Nik.TryParse(after.Nik, out var nik);
        RegionCode.TryParse(after.OriginRegion, out var origin);
        if (IdentityRules.Check(after.Nik is null ? null : nik, after.Sex, after.BirthDate, origin, c.Now) is { } broken)
            // A kept NIK that no longer fits is the corrected birth date's or sex's fault, not the NIK's.
            return broken.Field == "nik" && c.Nik is null
                ? broken with { Field = c.BirthDate is not null ? "birthDate" : "sex" }
                : broken;

        return Decision.Accept(new RecordCorrected(c.WorkerId, corrections, c.Reason, after.OriginRegion, c.CorrectedBy, c.Now));
    }
}

/// <summary>Corrections hold values as text, so that one event type records any field.</summary>
public static class Corrections
{
    public static string Write(Sex sex) => ContractJson.NameOf(sex);

    public static string Write(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Write(FamilyContact? contact) =>
        contact is null ? null : JsonSerializer.Serialize(contact, ContractJson.Options);

    public static Worker Apply(Worker worker, IEnumerable<FieldCorrection> corrections) =>
        corrections.Aggregate(worker, (w, c) => c.Field switch
        {
            "fullName" => w with { FullName = c.To! },
            "sex" => w with { Sex = JsonSerializer.Deserialize<Sex>($"\"{c.To}\"", ContractJson.Options) },
            "birthDate" => w with { BirthDate = DateOnly.ParseExact(c.To!, "yyyy-MM-dd", CultureInfo.InvariantCulture) },
            "originRegion" => w with { OriginRegion = c.To! },
            "nik" => w with { Nik = c.To },
            "phone" => w with { Phone = c.To },
            "familyContact" => w with { FamilyContact = c.To is null ? null : JsonSerializer.Deserialize<FamilyContact>(c.To, ContractJson.Options) },
            _ => w,
        });
}
