using Coordination.Eventing;
using Coordination.RepatriationCosts.Clearing.Statements;
using Coordination.RepatriationCosts.Parties;
using Coordination.ServiceDefaults;

namespace Coordination.RepatriationCosts.Clearing.Answering;

/// <param name="Disputed">empty: the party approves its side.</param>
public sealed record AnswerStatement(string Period, Party Side, Party? Caller, IReadOnlyList<DisputedLine> Disputed, string By, DateTimeOffset Now);

public sealed record DisputedLineRequest(string? EntryId, string? Code, string? Note);

public sealed record DisputeRequest(IReadOnlyList<DisputedLineRequest>? Lines);

/// <summary>Each party approves its own side or disputes lines it owes for; a disputed line is put right by a reversal or new line next period.</summary>
public static class AnswerStatementDecision
{
    public static Decision Decide(AnswerStatement c, ClearingPeriod? state)
    {
        if (state is null) return new Missing("Not closed", $"Period {c.Period} is not closed (yet).");
        if (c.Caller != c.Side) return new NotYours("Another party's side", "A party approves or disputes only its own side.");
        if (state.Settlement is not null) return new StateConflict("Settled", "The period is settled.");
        if (state.Answers.FirstOrDefault(a => a.Party == c.Side) is { } answered)
            return new StateConflict("Already answered", $"{Contracts.ContractJson.NameOf(c.Side)} answered at {answered.At:O}.");
        if (c.Disputed.Count == 0) return Decision.Accept(new StatementApproved(c.Period, c.Side, c.By, c.Now));

        var dues = Statement.For(state, c.Side).Lines.Where(l => l.Direction == Direction.Due).Select(l => l.EntryId).ToHashSet();
        for (var i = 0; i < c.Disputed.Count; i++)
        {
            var line = c.Disputed[i];
            if (!dues.Contains(line.EntryId))
                return new RuleBroken($"lines[{i}].entryId", "Not owed by you", "A party disputes only entries it is asked to bear in this period.");
            if (line.Code == DisputeReason.Other && string.IsNullOrWhiteSpace(line.Note))
                return new RuleBroken($"lines[{i}].note", "Other without a note", "A dispute for another reason says what it is.");
        }
        return Decision.Accept(new StatementDisputed(c.Period, c.Side, c.Disputed, c.By, c.Now));
    }

    public static void MapAnswers(this RouteGroupBuilder periods)
    {
        periods.MapPost("/{period}/statements/{party}/approval", (string period, string party, HttpContext http, TimeProvider clock) =>
                Answer(period, party, http, clock, _ => []))
            .WritesCosts<Statement>("ApproveStatement", StatusCodes.Status200OK);

        periods.MapPost("/{period}/statements/{party}/dispute", (string period, string party, DisputeRequest r, HttpContext http, TimeProvider clock) =>
                Answer(period, party, http, clock, f =>
                {
                    if ((r.Lines?.Count ?? 0) == 0) return null;
                    return [.. f.Each("lines", r.Lines).Select((l, i) => new DisputedLine(
                        f.Guid($"lines[{i}].entryId", l.EntryId, out var id) ? id : Guid.Empty,
                        f.Choice<DisputeReason>($"lines[{i}].code", l.Code, out var code) ? code : default,
                        f.OptionalText($"lines[{i}].note", l.Note)))];
                }))
            .WritesCosts<Statement>("DisputeStatement", StatusCodes.Status200OK);
    }

    private static Task<IResult> Answer(string period, string party, HttpContext http, TimeProvider clock, Func<Fields, IReadOnlyList<DisputedLine>?> lines)
    {
        var f = new Fields();
        f.Choice<Party>("party", party, out var side);
        var disputed = lines(f);
        if (f.Problem is not null) return Task.FromResult(f.Problem);
        if (disputed is null) return Task.FromResult(Problems.Malformed("lines", "Name at least one disputed line."));
        if (!Periods.TryParse(period, out _)) return Task.FromResult(Periods.Malformed());
        var caller = Agency.From(http.User);
        var command = new AnswerStatement(period, side, Parties.Parties.ActingFor(caller), disputed, caller.Id, clock.GetUtcNow());
        return http.WriteStream<ClearingPeriod>(ClearingPeriod.StreamOf(period), s => Decide(command, s),
            written => Results.Ok(Statement.For(written.After(ClearingPeriodEvolution.Evolve)!, side)));
    }
}
