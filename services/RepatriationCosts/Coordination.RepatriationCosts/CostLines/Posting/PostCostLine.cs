using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Cases;
using Coordination.RepatriationCosts.Parties;
using Coordination.RepatriationCosts.ShelterStays;

namespace Coordination.RepatriationCosts.CostLines.Posting;

/// <summary>What the line is for: an amount on a day, or the nights of a closed shelter stay at its tariff.</summary>
public abstract record Costed;

public sealed record Paid(CostCategory Category, long Amount, DateOnly Date) : Costed;

public sealed record StayNights(ShelterStay Stay) : Costed;

/// <param name="Payer">the party the caller acts for (null: none).</param>
/// <param name="KnownOrigin">the person's origin as the registry published it, where the case does not say.</param>
public sealed record PostCostLine(
    Guid LineId, Guid CaseId, CaseFile? Case, string? KnownOrigin, Costed What, Party? Payer, string Agency, string EvidenceReference,
    string? Description, IReadOnlyList<RuleSet> Rules, long MaxAmount, DateOnly Today, DateTimeOffset Now);

public static class PostCostLineDecision
{
    public static Decision Decide(PostCostLine c, CostLine? state)
    {
        if (state is not null) return new StateConflict("Already posted", $"Line {c.LineId} exists.");
        if (c.Payer is not { } payer) return new NotYours("Not a party", "Your agency pays no costs under the agreement.");
        var priced = Price(c, payer);
        if (priced.Error is { } error) return error;
        var (category, amount, date, units) = priced.Value!;
        if (amount > c.MaxAmount)
            return new RuleBroken("amount", "Over the bound", $"A line is at most {c.MaxAmount} rupiah; split larger costs by their receipts.");
        if (c.Case is not { } file) return new RuleBroken("caseId", "Unknown case", $"No handover, intercepted person or deceased return {c.CaseId} is known.");

        var allocations = Allocation.Of(category, [.. units.Select(u => new CostUnit(u.Date, u.Amount, file.PhaseOn(u.Date)))], payer,
            file.PartiesWith(c.KnownOrigin), c.Rules);
        if (allocations is null)
            return new RuleBroken("date", "No agreement in force", $"No version of the sharing rules is in force on {units[0].Date:yyyy-MM-dd}.");
        var versions = units.Select(u => Allocation.InForce(c.Rules, u.Date)!.Version).Distinct().Order().ToArray();
        var stay = c.What as StayNights;
        return Decision.Accept(new CostLinePosted(c.LineId, file.Id, file.Kind, category, amount, date, stay?.Stay.Id, stay?.Stay.Nights, payer,
            c.Agency, c.EvidenceReference, c.Description, allocations, versions, c.Now));
    }

    private sealed record Priced(CostCategory Category, long Amount, DateOnly Date, IReadOnlyList<(DateOnly Date, long Amount)> Units);

    private sealed record Outcome(Priced? Value, DomainError? Error);

    private static Outcome Price(PostCostLine c, Party payer) => c.What switch
    {
        Paid { Category: CostCategory.ShelterNight } => Fail(new RuleBroken("category", "Bill the stay",
            "Shelter nights are billed from the stay (POST /api/costs/stays/{id}/bill), so that no night is billed twice.")),
        Paid { Amount: <= 0 } => Fail(new RuleBroken("amount", "Not positive", "An amount is a positive whole number of rupiah.")),
        Paid p when p.Date > c.Today => Fail(new RuleBroken("date", "In the future", "date cannot be after today.")),
        Paid p => new(new(p.Category, p.Amount, p.Date, [(p.Date, p.Amount)]), null),
        StayNights { Stay.ClosedOn: null } => Fail(new StateConflict("Still open", "A stay is billed once it has closed.")),
        StayNights { Stay.Nights: 0 } => Fail(new RuleBroken("nights", "No nights", "The stay closed on the day it opened.")),
        StayNights s when Parties.Parties.OfProvince(s.Stay.Province) != payer =>
            Fail(new NotYours("Another province's shelter", "Only the shelter's province bills its nights.")),
        StayNights s => new(new(CostCategory.ShelterNight, s.Stay.Nights * s.Stay.Tariff, s.Stay.ClosedOn!.Value.AddDays(-1),
            [.. s.Stay.NightDates.Select(d => (d, s.Stay.Tariff))]), null),
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    private static Outcome Fail(DomainError error) => new(null, error);
}
