using Coordination.RepatriationCosts.Parties;

namespace Coordination.RepatriationCosts.Agreement;

public enum CostCategory
{
    ShelterNight,
    Meals,
    TransportShip,
    TransportPlane,
    TransportRoad,
    Medical,
    Documents,
    Escort,
    RemainsTransport,
    BurialSupport,
    Other,
}

/// <summary>Where a case stood on a cost's date, which the agreement's rules distinguish.</summary>
public enum Phase
{
    /// <summary>An intercepted person whose handover home has not been accepted (yet).</summary>
    BeforeAcceptance,

    /// <summary>From the origin province's acceptance of the handover, the trip home included.</summary>
    FromAcceptance,

    /// <summary>The return of a worker who left with a legal placement (here: remains of a procedural worker).</summary>
    ProceduralReturn,

    /// <summary>The return of a worker who left without one, or whose status is unknown.</summary>
    NonProceduralReturn,
}

/// <summary>Who bears a cost, by the role a party plays in the case.</summary>
public enum Bearer
{
    InterceptingProvince,
    OriginProvince,
    NationalAgency,
    PayingParty,
}

/// <param name="Percent">whole percent; a rule's shares sum to 100.</param>
public sealed record Share(Bearer Bearer, int Percent);

public sealed record SharingRule(CostCategory Category, Phase Phase, IReadOnlyList<Share> Shares);

/// <summary>One version of the agreement's sharing rules, in force from its date until the next version's.</summary>
public sealed record RuleSet(int Version, DateOnly EffectiveFrom, IReadOnlyList<SharingRule> Rules)
{
    public SharingRule? For(CostCategory category, Phase phase) =>
        Rules.FirstOrDefault(r => r.Category == category && r.Phase == phase);
}

/// <summary>What a party bears of a line (negative on a reversal).</summary>
public sealed record Allocated(Party Party, long Amount);

/// <summary>A part of a line priced on one day: the whole line, or one night of a shelter stay.</summary>
public sealed record CostUnit(DateOnly Date, long Amount, Phase Phase);

/// <summary>The parties the roles of a case point to; null where the case has no such party.</summary>
public sealed record CaseParties(Party? InterceptingProvince, Party? OriginProvince);

/// <summary>
/// Allocates a cost line to the parties that bear it, by the rules in force on each unit's
/// date. Exact: every unit is split in whole rupiah and the shares of each unit sum to it
/// (largest remainder), so a line's allocations sum to its amount. Pure.
/// </summary>
public static class Allocation
{
    public static RuleSet? InForce(IReadOnlyList<RuleSet> versions, DateOnly date) =>
        versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom);

    /// <returns>the allocations by party, or null when no rules are in force on a unit's date.</returns>
    public static IReadOnlyList<Allocated>? Of(CostCategory category, IReadOnlyList<CostUnit> units, Party payer, CaseParties parties,
        IReadOnlyList<RuleSet> versions)
    {
        var totals = new Dictionary<Party, long>();
        foreach (var unit in units)
        {
            if (InForce(versions, unit.Date) is not { } rules) return null;
            // Costs the agreement does not share stay with whoever paid them.
            var shares = rules.For(category, unit.Phase)?.Shares ?? [new Share(Bearer.PayingParty, 100)];
            foreach (var (party, amount) in Split(unit.Amount, shares, payer, parties))
                totals[party] = totals.GetValueOrDefault(party) + amount;
        }
        return [.. totals.Where(t => t.Value != 0).OrderBy(t => t.Key).Select(t => new Allocated(t.Key, t.Value))];
    }

    /// <summary>Whole-rupiah shares of <paramref name="amount"/>: floors, then the rest one rupiah each by largest remainder.</summary>
    public static IEnumerable<(Party Party, long Amount)> Split(long amount, IReadOnlyList<Share> shares, Party payer, CaseParties parties)
    {
        var floors = shares.Select(s => amount / 100 * s.Percent + amount % 100 * s.Percent / 100).ToArray();
        var rest = amount - floors.Sum();
        var order = shares.Select((s, i) => (Remainder: amount % 100 * s.Percent % 100, Index: i))
            .OrderByDescending(x => x.Remainder).ThenBy(x => x.Index).Select(x => x.Index).ToArray();
        for (var k = 0; k < rest; k++) floors[order[k % order.Length]]++;
        return shares.Select((s, i) => (Resolve(s.Bearer, payer, parties), floors[i]));
    }

    /// <summary>A role the case has no party for (a deceased return has no intercepting province) falls to the payer.</summary>
    public static Party Resolve(Bearer bearer, Party payer, CaseParties parties) => bearer switch
    {
        Bearer.InterceptingProvince => parties.InterceptingProvince ?? payer,
        Bearer.OriginProvince => parties.OriginProvince ?? payer,
        Bearer.NationalAgency => Party.Bp2mi,
        _ => payer,
    };

    public static IReadOnlyList<Allocated> Reversed(IReadOnlyList<Allocated> allocations) =>
        [.. allocations.Select(a => a with { Amount = -a.Amount })];
}
