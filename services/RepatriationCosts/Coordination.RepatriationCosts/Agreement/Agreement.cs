
namespace Coordination.RepatriationCosts.Agreement;

/// <summary>A new version of the sharing rules, in force from <see cref="EffectiveFrom"/>.</summary>
public sealed record SharingRulesSet(int Version, DateOnly EffectiveFrom, IReadOnlyList<SharingRule> Rules, string SetBy, DateTimeOffset SetAt);

/// <summary>The agreement's sharing rules, every version; one stream.</summary>
public sealed record SharingAgreement(Guid Id, IReadOnlyList<RuleSet> Versions, long Version)
{
    /// <summary>The one agreement stream of the triangular agreement.</summary>
    public static readonly Guid StreamId = Guid.Parse("00000000-0000-0000-0000-a9ee00000001");

    public static readonly SharingAgreement None = new(StreamId, [], 0);
}

public static class AgreementEvolution
{
    public static SharingAgreement Evolve(SharingAgreement? state, object @event) => @event switch
    {
        SharingRulesSet e => (state ?? SharingAgreement.None) with
        {
            Versions = [.. (state ?? SharingAgreement.None).Versions, new RuleSet(e.Version, e.EffectiveFrom, e.Rules)],
            Version = (state?.Version ?? 0) + 1,
        },
        _ => state ?? SharingAgreement.None,
    };
}

public sealed class AgreementProjection() : EvolvedProjection<SharingAgreement>(AgreementEvolution.Evolve, typeof(SharingRulesSet));
