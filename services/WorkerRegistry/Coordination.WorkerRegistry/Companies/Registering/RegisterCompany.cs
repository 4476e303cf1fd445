using Coordination.Contracts;
using Coordination.Eventing;

namespace Coordination.WorkerRegistry.Companies.Registering;

public sealed record RegisterCompany(
    Guid CompanyId,
    string Name,
    string LicenceNumber,
    DateOnly LicenceValidFrom,
    DateOnly LicenceValidUntil,
    RegionCode HeadOfficeRegion,
    string HeadOfficeAddress,
    bool KupangRepresentativeOffice,
    string RecordedBy,
    DateTimeOffset Now);

public static class RegisterCompanyDecision
{
    public static Decision Decide(RegisterCompany c, Company? state)
    {
        if (state is not null) return new StateConflict("Already registered", $"Company {c.CompanyId} is already registered.");
        if (c.LicenceValidUntil < c.LicenceValidFrom)
            return new RuleBroken("licenceValidUntil", "Licence ends before it starts", "licenceValidUntil cannot be before licenceValidFrom.");
        if (!IsKnownRegion(c.HeadOfficeRegion))
            return new RuleBroken("headOfficeRegion", "Unknown region", $"{c.HeadOfficeRegion} is not a region of the reference data.");

        return Decision.Accept(new CompanyRegistered(c.CompanyId, c.Name, c.LicenceNumber, c.LicenceValidFrom, c.LicenceValidUntil,
            c.HeadOfficeRegion.Value, c.HeadOfficeAddress, c.KupangRepresentativeOffice, c.RecordedBy, c.Now));
    }

    /// <summary>
    /// A head office may be anywhere in Indonesia: a province, or a regency or district
    /// where the reference data lists them (only Kepri's, NTT's and Kalbar's).
    /// </summary>
    private static bool IsKnownRegion(RegionCode region) => RegionCatalog.Find(region.Value) is not null
        || (RegionCatalog.Find(region.Province) is not null && RegionCatalog.Find(region.Province + ".01") is null);
}
