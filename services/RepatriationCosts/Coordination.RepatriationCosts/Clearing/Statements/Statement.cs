using System.Globalization;
using System.Text;
using Coordination.Contracts;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Parties;

namespace Coordination.RepatriationCosts.Clearing.Statements;

public enum Direction
{
    /// <summary>The party paid it; the counterparty bears it.</summary>
    Claim,

    /// <summary>The counterparty paid it; the party bears it.</summary>
    Due,
}

public sealed record StatementLine(Guid EntryId, Guid LineId, bool Reversal, DateOnly Date, CostCategory Category, Guid CaseId, Party PaidBy,
    Party BorneBy, Direction Direction, long Amount, string EvidenceReference);

/// <param name="Status">open (not answered), approved, disputed, settled.</param>
public sealed record Statement(string Period, Party Party, string Status, long Claims, long Dues, long Net, IReadOnlyList<Balance> Balances,
    IReadOnlyList<StatementLine> Lines, IReadOnlyList<DisputedLine> Disputed, string? PaymentReference)
{
    /// <summary>One party's side of a closed period: its claims, its dues, one net per counterparty. Pure.</summary>
    public static Statement For(ClearingPeriod period, Party party)
    {
        var balances = Clearing.Balances.Clearing(period.Entries).Where(b => b.Party == party).ToArray();
        var lines = period.Entries.SelectMany(e => e.Allocations
                .Where(a => a.Party != e.PaidBy && (e.PaidBy == party || a.Party == party))
                .Select(a => new StatementLine(e.EntryId, e.LineId, e.Reversal, e.Date, e.Category, e.CaseId, e.PaidBy, a.Party,
                    e.PaidBy == party ? Direction.Claim : Direction.Due, a.Amount, e.EvidenceReference)))
            .ToArray();
        var answer = period.Answers.FirstOrDefault(a => a.Party == party);
        var status = period.Settlement is not null ? "settled" : answer is null ? "open" : answer.Disputed.Count == 0 ? "approved" : "disputed";
        return new Statement(period.Period, party, status, balances.Sum(b => b.Claims), balances.Sum(b => b.Dues), balances.Sum(b => b.Net),
            balances, lines, answer?.Disputed ?? [], period.Settlement?.PaymentReference);
    }

    /// <summary>One row per line, then one net row per counterparty; amounts in whole rupiah.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("period,party,row,entry_id,line_id,reversal,date,category,case_id,paid_by,borne_by,evidence_reference,amount\n");
        foreach (var l in Lines)
            csv.Append(CultureInfo.InvariantCulture, $"{Period},{N(Party)},{N(l.Direction)},{l.EntryId},{l.LineId},{(l.Reversal ? "true" : "false")},")
                .Append(CultureInfo.InvariantCulture, $"{l.Date:yyyy-MM-dd},{N(l.Category)},{l.CaseId},{N(l.PaidBy)},{N(l.BorneBy)},{Quoted(l.EvidenceReference)},{l.Amount}\n");
        foreach (var b in Balances)
            csv.Append(CultureInfo.InvariantCulture, $"{Period},{N(Party)},net,,,,,,,{N(b.Party)},{N(b.Counterparty)},,{b.Net}\n");
        return csv.ToString();
    }

    private static string N<T>(T value) where T : struct, Enum => ContractJson.NameOf(value);

    /// <summary>Quoted where it must be; a reference a spreadsheet would take for a formula is written as text.</summary>
    private static string Quoted(string text)
    {
        if (text is ['=' or '+' or '-' or '@', ..]) text = "'" + text;
        return text.Any(c => c is ',' or '"' or '\n' or '\r') ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
