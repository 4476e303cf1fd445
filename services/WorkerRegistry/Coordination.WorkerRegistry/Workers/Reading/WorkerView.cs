using Coordination.Contracts;
using Coordination.ServiceDefaults;

namespace Coordination.WorkerRegistry.Workers.Reading;

/// <summary>
/// A worker as a caller may see them: without <c>pii:read</c>, name, NIK, birth date, phone
/// and family contact are left out and listed in <see cref="Redacted"/>.
/// </summary>
public sealed record WorkerView(
    Guid Id,
    string? Nik,
    string? FullName,
    Sex Sex,
    DateOnly? BirthDate,
    string OriginRegion,
    string? OriginRegionName,
    string? Phone,
    FamilyContact? FamilyContact,
    RecordSource Source,
    string Identity,
    WorkerStatus Status,
    int NonProceduralAttempts,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<string> Redacted,
    long Version)
{
    private static readonly string[] PersonalFields = ["fullName", "nik", "birthDate", "phone", "familyContact"];

    public static WorkerView Of(Worker w, Agency caller)
    {
        var view = new WorkerView(w.Id, w.Nik, w.FullName, w.Sex, w.BirthDate, w.OriginRegion,
            RegionCatalog.NameOf(w.OriginRegion[..8]), w.Phone, w.FamilyContact, w.Source,
            w.IdentityVerified ? "verified" : "unverified", w.Status, w.NonProceduralAttempts, w.History, [], w.Version);
        return caller.Has(Roles.PiiRead)
            ? view
            : view with { Nik = null, FullName = null, BirthDate = null, Phone = null, FamilyContact = null, Redacted = PersonalFields };
    }
}

public static class WorkerLinks
{
    public static string Of(Guid id) => $"/api/registry/workers/{id}";
}
