using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Coordination.RepatriationCosts.Agreement;

/// <summary>A new version of the sharing rules, in force from <see cref="EffectiveFrom"/>.</summary>
public sealed record SharingRulesSet(int Version, DateOnly EffectiveFrom, IReadOnlyList<SharingRule> Rules, string SetBy, DateTimeOffset SetAt);

/// <summary>The agreement's sharing rules, every version; one stream.</summary>
public sealed record Agreement(Guid Id, IReadOnlyList<RuleSet> Versions, long Version)
{
    /// <summary>The one agreement stream of the triangular agreement.</summary>
    public static readonly Guid StreamId = Guid.Parse("00000000-0000-0000-0000-a9ee00000001");

    public static readonly Agreement None = new(StreamId, [], 0);
}

public static class AgreementEvolution
{
    public static Agreement Evolve(Agreement? state, object @event) => @event switch
    {
        SharingRulesSet e => (state ?? Agreement.None) with
        {
            Versions = [.. (state ?? Agreement.None).Versions, new RuleSet(e.Version, e.EffectiveFrom, e.Rules)],
            Version = (state?.Version ?? 0) + 1,
        },
        _ => state ?? Agreement.None,
    };
}

public sealed class AgreementProjection : SingleStreamProjection<Agreement, Guid>
{
    public AgreementProjection() => IncludeType<SharingRulesSet>();

    public override Agreement? Evolve(Agreement? snapshot, Guid id, IEvent e) => AgreementEvolution.Evolve(snapshot, e.Data);
}
