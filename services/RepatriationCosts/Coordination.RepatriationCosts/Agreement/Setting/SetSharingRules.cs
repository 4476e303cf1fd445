using Coordination.Eventing;

namespace Coordination.RepatriationCosts.Agreement.Setting;

public sealed record SetSharingRules(DateOnly EffectiveFrom, IReadOnlyList<SharingRule> Rules, string By, DateTimeOffset Now);

public static class SetSharingRulesDecision
{
    public static Decision Decide(SetSharingRules c, SharingAgreement? state)
    {
        var versions = state?.Versions ?? [];
        if (versions.Count > 0 && c.EffectiveFrom <= versions[^1].EffectiveFrom)
            return new StateConflict("Not after the current version",
                $"Version {versions[^1].Version} is in force from {versions[^1].EffectiveFrom:yyyy-MM-dd}; a new version starts later.");
        for (var i = 0; i < c.Rules.Count; i++)
        {
            var rule = c.Rules[i];
            if (rule.Shares.Count == 0 || rule.Shares.Any(s => s.Percent is < 1 or > 100) || rule.Shares.Sum(s => s.Percent) != 100)
                return new RuleBroken($"rules[{i}].shares", "Shares do not make 100%", "Each share is 1–100 percent and a rule's shares sum to 100.");
            if (rule.Shares.Select(s => s.Bearer).Distinct().Count() != rule.Shares.Count)
                return new RuleBroken($"rules[{i}].shares", "A bearer twice", "Name each bearer of a rule once.");
            if (c.Rules.Take(i).Any(r => r.Category == rule.Category && r.Phase == rule.Phase))
                return new RuleBroken($"rules[{i}]", "A rule twice", "One rule per category and phase.");
        }
        return Decision.Accept(new SharingRulesSet(versions.Count + 1, c.EffectiveFrom, c.Rules, c.By, c.Now));
    }
}
