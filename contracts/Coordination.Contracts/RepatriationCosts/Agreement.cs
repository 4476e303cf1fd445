using MassTransit;

namespace Coordination.Contracts.RepatriationCosts;

/// <param name="Bearer">intercepting-province, origin-province, national-agency or paying-party.</param>
public sealed record SharingShare(string Bearer, int Percent);

/// <param name="Phase">before-acceptance, from-acceptance, procedural-return or non-procedural-return.</param>
public sealed record SharingRule(string Category, string Phase, IReadOnlyList<SharingShare> Shares);

/// <summary>A new version of the agreement's cost-sharing rules, in force from <see cref="EffectiveFrom"/>.</summary>
[EntityName("coordination.repatriation-costs.sharing-rules-set.v1")]
[MessageUrn("coordination.repatriation-costs.sharing-rules-set.v1")]
[Classified(DataClassification.Public)]
public sealed record SharingRulesSet(int Version, DateOnly EffectiveFrom, IReadOnlyList<SharingRule> Rules, string SetBy, DateTimeOffset SetAt);
