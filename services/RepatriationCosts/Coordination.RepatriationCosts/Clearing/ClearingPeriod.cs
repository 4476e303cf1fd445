using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Parties;

namespace Coordination.RepatriationCosts.Clearing;

public enum DisputeReason
{
    NotOurCase,
    NotUnderTheAgreement,
    WrongAmount,
    Duplicate,
    NoEvidence,
    Other,
}

/// <summary>A ledger entry as a closed period cleared it.</summary>
public sealed record ClearedEntry(Guid EntryId, Guid LineId, bool Reversal, DateOnly Date, CostCategory Category, Guid CaseId, Party PaidBy,
    long Amount, IReadOnlyList<Allocated> Allocations, string EvidenceReference);

public sealed record PeriodClosed(string Period, IReadOnlyList<ClearedEntry> Entries, string ClosedBy, DateTimeOffset ClosedAt);

public sealed record StatementApproved(string Period, Party Party, string By, DateTimeOffset At);

public sealed record DisputedLine(Guid EntryId, DisputeReason Code, string? Note);

public sealed record StatementDisputed(string Period, Party Party, IReadOnlyList<DisputedLine> Lines, string By, DateTimeOffset At);

public sealed record PeriodSettled(string Period, string PaymentReference, string By, DateTimeOffset At);

/// <param name="Disputed">empty when the party approved its side.</param>
public sealed record Answer(Party Party, IReadOnlyList<DisputedLine> Disputed, string By, DateTimeOffset At);

public sealed record Settlement(string PaymentReference, string By, DateTimeOffset At);

/// <summary>A month of clearing, closed with the entries it clears; then each party's answer and the settlement.</summary>
public sealed record ClearingPeriod(Guid Id, string Period, IReadOnlyList<ClearedEntry> Entries, IReadOnlyList<Answer> Answers,
    Settlement? Settlement, string ClosedBy, DateTimeOffset ClosedAt, long Version)
{
    /// <summary>e.g. 2026-11 is stream 00000000-0000-0000-0000-202611000000.</summary>
    public static Guid StreamOf(string period) => Guid.Parse($"00000000-0000-0000-0000-{period.Replace("-", "", StringComparison.Ordinal)}000000");

    /// <summary>Parties that claim from or owe another party in this period: each must answer before settlement.</summary>
    public IReadOnlyList<Party> Involved => [.. Balances.Clearing(Entries).Select(b => b.Party).Distinct().Order()];

    internal ClearingPeriod Answered(Answer answer) => this with { Answers = [.. Answers, answer], Version = Version + 1 };
}

public static class ClearingPeriodEvolution
{
    public static ClearingPeriod? Evolve(ClearingPeriod? state, object @event) => @event switch
    {
        PeriodClosed e => new ClearingPeriod(ClearingPeriod.StreamOf(e.Period), e.Period, e.Entries, [], null, e.ClosedBy, e.ClosedAt, 1),
        StatementApproved e when state is not null => state.Answered(new Answer(e.Party, [], e.By, e.At)),
        StatementDisputed e when state is not null => state.Answered(new Answer(e.Party, e.Lines, e.By, e.At)),
        PeriodSettled e when state is not null => state with { Settlement = new Settlement(e.PaymentReference, e.By, e.At), Version = state.Version + 1 },
        _ => state,
    };
}

public sealed class ClearingPeriodProjection() : EvolvedProjection<ClearingPeriod>(ClearingPeriodEvolution.Evolve, typeof(PeriodClosed), typeof(StatementApproved), typeof(StatementDisputed), typeof(PeriodSettled));
