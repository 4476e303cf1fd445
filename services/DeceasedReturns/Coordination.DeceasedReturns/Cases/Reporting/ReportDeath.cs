using Coordination.Contracts;
using Coordination.Contracts.DeceasedReturns;
using Coordination.Eventing;

namespace Coordination.DeceasedReturns.Cases.Reporting;

/// <param name="KnownOrigin">the origin of a deceased given by registry id, as the registry published it (null: not known here).</param>
public sealed record ReportDeath(
    Guid CaseId, PersonReference Deceased, string? KnownOrigin, string CountryOfDeath, string CityOfDeath, DateOnly DiedOn,
    CauseOfDeath Cause, string? CauseDetail, ProceduralStatus ProceduralStatus, NoticeSource Source, FamilyContact? FamilyContact,
    string ReportedBy, DateTimeOffset Now);

public static class ReportDeathDecision
{
    public static Decision Decide(ReportDeath c, ReturnCase? state)
    {
        if (state is not null) return new StateConflict("Already reported", $"Case {c.CaseId} is already reported. {state.Describe()}");
        if (c.Deceased.Details is null && c.KnownOrigin is null)
            return new RuleBroken("deceased.workerId", "Unknown worker",
                $"Worker {c.Deceased.WorkerId} is not in the registry (as far as it has published); give the person's details instead.");
        var origin = c.Deceased.Details?.OriginRegion ?? c.KnownOrigin!;
        if (!RegionCode.TryParse(origin, out var region) || !RegionCatalog.IsKnownOrigin(region))
            return new RuleBroken("deceased.originRegion", "Unknown origin region", $"{origin} is not a district of the reference data.");
        if (c.CountryOfDeath == "ID")
            return new RuleBroken("countryOfDeath", "Not abroad", "This service returns the remains of workers who died abroad.");
        if (CaseRules.NotInFuture("diedOn", c.DiedOn, c.Now) is { } future) return future;
        if (c.Deceased.Details is { } d && d.BirthDate > c.DiedOn)
            return new RuleBroken("diedOn", "Before birth", "diedOn cannot be before the deceased's birth date.");
        if (c.Cause == CauseOfDeath.Other && c.CauseDetail is null)
            return new RuleBroken("causeDetail", "Other without detail", "A cause \"other\" says what it was.");

        return Decision.Accept(new DeathReported(c.CaseId, region.Province, c.Deceased.WorkerId, c.Deceased.Details, origin,
            c.CountryOfDeath, c.CityOfDeath, c.DiedOn, c.Cause, c.CauseDetail, c.ProceduralStatus, c.Source, c.FamilyContact,
            c.ReportedBy, c.Now));
    }
}
