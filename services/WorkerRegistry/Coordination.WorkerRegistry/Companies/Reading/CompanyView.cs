using Coordination.Contracts.WorkerRegistry;

namespace Coordination.WorkerRegistry.Companies;

/// <summary>A company as the API shows it: its licence status today and whether it may recruit today.</summary>
public sealed record CompanyView(
    Guid Id,
    string Name,
    string LicenceNumber,
    string HeadOfficeRegion,
    string HeadOfficeAddress,
    bool KupangRepresentativeOffice,
    LicenceStatus LicenceStatus,
    DateOnly LicenceValidUntil,
    bool MayRecruitToday,
    IReadOnlyList<LicencePeriod> LicencePeriods,
    IReadOnlyList<LicenceStatusChange> LicenceChanges,
    long Version)
{
    public static CompanyView Of(Company c, DateTimeOffset now) => new(c.Id, c.Name, c.LicenceNumber, c.HeadOfficeRegion,
        c.HeadOfficeAddress, c.KupangRepresentativeOffice, c.Licence.Status, c.Licence.ValidUntil,
        c.Licence.On(Coordination.Contracts.Wita.DayOf(now)).MayRecruit, c.Licence.Periods, c.Licence.Changes, c.Version);
}

public static class CompanyLinks
{
    public static string Of(Guid id) => $"/api/registry/companies/{id}";
}
