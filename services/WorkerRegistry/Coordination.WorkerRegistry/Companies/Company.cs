using Coordination.Contracts.WorkerRegistry;
using Coordination.Eventing;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace Coordination.WorkerRegistry.Companies;

/// <summary>Whether a company may recruit on a day, and why (for officers and the interceptions service).</summary>
public sealed record LicenceAnswer(Guid CompanyId, string LicenceNumber, DateOnly On, bool MayRecruit, LicenceStatus Status,
    LicencePeriod? Period, string Reason);

/// <summary>A placement company (P3MI) and its licence over time; <see cref="Version"/> is the stream version.</summary>
public sealed record Company(
    Guid Id,
    string Name,
    string LicenceNumber,
    string HeadOfficeRegion,
    string HeadOfficeAddress,
    bool KupangRepresentativeOffice,
    PlacementLicence Licence,
    long Version)
{
    public LicenceAnswer LicenceOn(DateOnly day)
    {
        var verdict = Licence.On(day);
        return new LicenceAnswer(Id, LicenceNumber, day, verdict.MayRecruit, verdict.Status, verdict.Period, verdict.Reason);
    }
}

public static class CompanyEvolution
{
    public static Company? Evolve(Company? state, object @event)
    {
        if (@event is CompanyRegistered r)
            return new Company(r.CompanyId, r.Name, r.LicenceNumber, r.HeadOfficeRegion, r.HeadOfficeAddress,
                r.KupangRepresentativeOffice, PlacementLicence.Granted(r.LicenceValidFrom, r.LicenceValidUntil), 1);
        if (state is null) return null;

        state = state with { Version = state.Version + 1 };
        return @event switch
        {
            LicenceSuspended e => state.With(LicenceChange.Suspended, e.EffectiveOn, null, e.Reason),
            LicenceReinstated e => state.With(LicenceChange.Reinstated, e.EffectiveOn, null, e.Reason),
            LicenceRevoked e => state.With(LicenceChange.Revoked, e.EffectiveOn, null, e.Reason),
            LicenceRenewed e => state.With(LicenceChange.Renewed, e.EffectiveOn, e.ValidUntil, e.Reason),
            _ => state,
        };
    }

    private static Company With(this Company company, LicenceChange change, DateOnly effectiveOn, DateOnly? validUntil, string reason) =>
        company with { Licence = company.Licence.With(change, effectiveOn, validUntil, reason) };
}

public sealed class CompanyProjection : SingleStreamProjection<Company, Guid>
{
    public override Company? Evolve(Company? snapshot, Guid id, IEvent e) => CompanyEvolution.Evolve(snapshot, e.Data);
}

/// <summary>One licence number, one company (see <see cref="UniqueClaim"/>).</summary>
public sealed partial class LicenceClaims : EventProjection
{
    public const string Kind = "licence";

    public LicenceClaims()
    {
        IncludeType<CompanyRegistered>();
        // NIK and licence claims share one table: a rebuild of one must not wipe the other's.
        DeletePublishedTypesOnTeardown = false;
    }

    public static string Normal(string licenceNumber) => licenceNumber.Trim().ToUpperInvariant();

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is CompanyRegistered r)
            operations.Insert(new UniqueClaim(UniqueClaim.Key(Kind, Normal(r.LicenceNumber)), r.CompanyId));
        return ValueTask.CompletedTask;
    }
}
