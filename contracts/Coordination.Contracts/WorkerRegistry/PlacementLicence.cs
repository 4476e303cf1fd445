namespace Coordination.Contracts.WorkerRegistry;

public enum LicenceStatus
{
    Active,
    Suspended,
    Revoked,
}

public sealed record LicencePeriod(DateOnly From, DateOnly Until);

public sealed record LicenceStatusChange(LicenceStatus Status, DateOnly EffectiveOn, string Reason);

/// <summary>Whether a company may recruit on a day, and why.</summary>
public sealed record LicenceVerdict(DateOnly On, bool MayRecruit, LicenceStatus Status, LicencePeriod? Period, string Reason);

/// <summary>
/// A placement company's licence over time: its validity periods and dated status changes.
/// Built by the registry from its own events and by other services from
/// <see cref="PlacementCompanyRegistered"/> and <see cref="PlacementCompanyLicenceChanged"/>,
/// so that every service answers "may it recruit on that day?" the same way.
/// </summary>
public sealed record PlacementLicence(IReadOnlyList<LicencePeriod> Periods, IReadOnlyList<LicenceStatusChange> Changes)
{
    public static PlacementLicence Granted(DateOnly from, DateOnly until) => new([new LicencePeriod(from, until)], []);

    /// <summary>The status after every recorded change, whatever its date.</summary>
    public LicenceStatus Status => Changes.Count == 0 ? LicenceStatus.Active : Changes[^1].Status;

    public DateOnly ValidUntil => Periods.Max(p => p.Until);

    public LicenceStatus StatusOn(DateOnly day) => Changes.LastOrDefault(c => c.EffectiveOn <= day)?.Status ?? LicenceStatus.Active;

    public LicenceVerdict On(DateOnly day)
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
        return new LicenceVerdict(day, period is not null && status == LicenceStatus.Active, status, period, reason);
    }

    public PlacementLicence With(LicenceChange change, DateOnly effectiveOn, DateOnly? validUntil, string reason) => change switch
    {
        LicenceChange.Renewed => this with { Periods = [.. Periods, new LicencePeriod(effectiveOn, validUntil!.Value)] },
        _ => this with
        {
            Changes = [.. Changes, new LicenceStatusChange(change switch
            {
                LicenceChange.Suspended => LicenceStatus.Suspended,
                LicenceChange.Revoked => LicenceStatus.Revoked,
                _ => LicenceStatus.Active,
            }, effectiveOn, reason)],
        },
    };
}
