using Coordination.RepatriationCosts.Parties;

namespace Coordination.RepatriationCosts.Clearing;

/// <summary>
/// What <see cref="Party"/> claims from <see cref="Counterparty"/> (paid on its behalf), what it
/// owes it (paid by the counterparty on its behalf), and the net: positive, the counterparty pays.
/// </summary>
public sealed record Balance(Party Party, Party Counterparty, long Claims, long Dues, long Net);

/// <summary>The clearing-house netting: one balance per pair of parties. Pure; the nets of all parties sum to zero.</summary>
public static class Balances
{
    public static IReadOnlyList<Balance> Clearing(IEnumerable<ClearedEntry> entries)
    {
        // owed[(payer, bearer)]: what bearer owes payer.
        var owed = new Dictionary<(Party Payer, Party Bearer), long>();
        foreach (var entry in entries)
        foreach (var a in entry.Allocations.Where(a => a.Party != entry.PaidBy))
            owed[(entry.PaidBy, a.Party)] = owed.GetValueOrDefault((entry.PaidBy, a.Party)) + a.Amount;

        var pairs = owed.Keys.SelectMany(k => new[] { (k.Payer, k.Bearer), (k.Bearer, k.Payer) }).Distinct();
        return [.. pairs.Select(p =>
            {
                var claims = owed.GetValueOrDefault((p.Item1, p.Item2));
                var dues = owed.GetValueOrDefault((p.Item2, p.Item1));
                return new Balance(p.Item1, p.Item2, claims, dues, claims - dues);
            })
            .OrderBy(b => b.Party).ThenBy(b => b.Counterparty)];
    }
}
