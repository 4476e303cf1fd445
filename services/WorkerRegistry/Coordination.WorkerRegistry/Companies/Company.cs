using Coordination.Eventing;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace Coordination.WorkerRegistry.Companies;

public enum LicenceStatus
{
    Active,
    Suspended,
    Revoked,
}

public sealed record LicencePeriod(DateOnly From, DateOnly Until);

public sealed record LicenceStatusChange(LicenceStatus Status, DateOnly EffectiveOn, string Reason);

/// <summary>Whether a company may recruit on a day, and why (for the interceptions service and officers).</summary>
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
    IReadOnlyList<LicencePeriod> Periods,
    IReadOnlyList<LicenceStatusChange> StatusChanges,
    long Version)
{
    /// <summary>The status after every recorded change, whatever its date.</summary>
    public LicenceStatus LicenceStatus => StatusChanges.Count == 0 ? LicenceStatus.Active : StatusChanges[^1].Status;

    public DateOnly LicenceValidUntil => Periods.Max(p => p.Until);

    public LicenceStatus StatusOn(DateOnly day) =>
        StatusChanges.LastOrDefault(c => c.EffectiveOn <= day)?.Status ?? LicenceStatus.Active;

    public LicenceAnswer LicenceOn(DateOnly day)
    {
        var period = Periods.FirstOrDefault(p => p.From <= day && day <= p.Until);
        var status = StatusOn(day);
        var reason = (period, status) switch
        {
            (_, LicenceStatus.Revoked) => "The licence was revoked.",
            (_, LicenceStatus.Suspended) => "The licence was suspended.",
            (null, _) when day < Periods.Min(p => p.From) => "The licence was not yet valid.",
            (null, _) => "The licence was not valid on that day (expired or between periods).",
            _ => "The licence was valid and active.",
        };
        return new LicenceAnswer(Id, LicenceNumber, day, period is not null && status == LicenceStatus.Active, status, period, reason);
    }
}

public static class CompanyEvolution
{
    public static Company? Evolve(Company? state, object @event)
    {
        if (@event is CompanyRegistered r)
            return new Company(r.CompanyId, r.Name, r.LicenceNumber, r.HeadOfficeRegion, r.HeadOfficeAddress,
                r.KupangRepresentativeOffice, [new(r.LicenceValidFrom, r.LicenceValidUntil)], [], 1);
        if (state is null) return null;

        state = state with { Version = state.Version + 1 };
        return @event switch
        {
            LicenceSuspended e => state.With(new(LicenceStatus.Suspended, e.EffectiveOn, e.Reason)),
            LicenceReinstated e => state.With(new(LicenceStatus.Active, e.EffectiveOn, e.Reason)),
            LicenceRevoked e => state.With(new(LicenceStatus.Revoked, e.EffectiveOn, e.Reason)),
            LicenceRenewed e => state with { Periods = [.. state.Periods, new(e.EffectiveOn, e.ValidUntil)] },
            _ => state,
        };
    }

    private static Company With(this Company company, LicenceStatusChange change) =>
        company with { StatusChanges = [.. company.StatusChanges, change] };
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
