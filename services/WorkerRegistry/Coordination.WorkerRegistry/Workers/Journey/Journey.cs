using Coordination.Eventing;
using Coordination.WorkerRegistry.Companies;

namespace Coordination.WorkerRegistry.Workers.Journey;

// The procedural journey an agency records: trained at a BLK → departed through a P3MI →
// returned (purna migran). Three small use cases that share their rules, so one file.

public sealed record CompleteTraining(
    Guid WorkerId, string TrainingCentre, string CertificateNumber, DateOnly CompletedOn, string RecordedBy, DateTimeOffset Now);

/// <param name="Licence">the company's licence on the departure day, or null when no such company.</param>
public sealed record RecordDeparture(
    Guid WorkerId, Guid CompanyId, LicenceAnswer? Licence, string DestinationCountry, string Job, DateOnly DepartedOn,
    string RecordedBy, DateTimeOffset Now);

public sealed record RecordReturn(Guid WorkerId, DateOnly ReturnedOn, string RecordedBy, DateTimeOffset Now);

public static class JourneyDecisions
{
    /// <summary>UU 18/2017: a migrant worker is at least 18 years old.</summary>
    public const int MinimumAge = 18;

    private static readonly WorkerStatus[] AtHome =
        [WorkerStatus.Prospective, WorkerStatus.Trained, WorkerStatus.Returned, WorkerStatus.ReturnedHome];

    public static Decision Decide(CompleteTraining c, Worker? state)
    {
        if (Check(c.WorkerId, state, AtHome, "complete training") is { } error) return error;
        if (Dated("completedOn", c.CompletedOn, state!, c.Now) is { } broken) return broken;
        return Decision.Accept(new TrainingCompleted(c.WorkerId, c.TrainingCentre, c.CertificateNumber, c.CompletedOn,
            state!.OriginRegion, c.RecordedBy, c.Now));
    }

    public static Decision Decide(RecordDeparture c, Worker? state)
    {
        if (Check(c.WorkerId, state, AtHome, "depart") is { } error) return error;
        if (Dated("departedOn", c.DepartedOn, state!, c.Now) is { } broken) return broken;
        if (state!.BirthDate.AddYears(MinimumAge) > c.DepartedOn)
            return new RuleBroken("departedOn", "Under age", $"A migrant worker must be at least {MinimumAge} on the day of departure.");
        if (c.DestinationCountry == "ID")
            return new RuleBroken("destinationCountry", "Not abroad", "A placement abroad is in another country than ID.");
        if (c.Licence is not { } licence)
            return new RuleBroken("companyId", "Unknown company", $"No placement company {c.CompanyId} is registered.");
        if (!licence.MayRecruit)
            return new RuleBroken("companyId", "Company may not place workers",
                $"On {c.DepartedOn:yyyy-MM-dd} the company could not recruit: {licence.Reason}");
        return Decision.Accept(new DepartedProcedurally(c.WorkerId, c.CompanyId, c.DestinationCountry, c.Job, c.DepartedOn,
            state.OriginRegion, c.RecordedBy, c.Now));
    }

    public static Decision Decide(RecordReturn c, Worker? state)
    {
        if (Check(c.WorkerId, state, [WorkerStatus.Departed], "return from a placement") is { } error) return error;
        if (Dated("returnedOn", c.ReturnedOn, state!, c.Now) is { } broken) return broken;
        var departed = state!.History.Last(h => h.Kind == HistoryKinds.Departed).On;
        if (c.ReturnedOn < departed)
            return new RuleBroken("returnedOn", "Return before departure", $"The worker departed on {departed:yyyy-MM-dd}.");
        return Decision.Accept(new ReturnedFromPlacement(c.WorkerId, c.ReturnedOn, state.OriginRegion, c.RecordedBy, c.Now));
    }

    private static DomainError? Check(Guid id, Worker? state, WorkerStatus[] allowed, string action)
    {
        if (WorkerWrites.CheckExisting(id, state) is { } error) return error;
        return allowed.Contains(state!.Status)
            ? null
            : new StateConflict($"Cannot {action}", $"The worker is {Contracts.ContractJson.NameOf(state.Status)}: they cannot {action} now.");
    }

    /// <summary>A step of the journey happened in the worker's lifetime and not after today.</summary>
    private static RuleBroken? Dated(string field, DateOnly day, Worker state, DateTimeOffset now) =>
        day > Contracts.Wita.DayOf(now) ? new RuleBroken(field, "In the future", $"{field} cannot be after today.")
        : day < state.BirthDate ? new RuleBroken(field, "Before birth", $"{field} cannot be before the birth date.")
        : null;
}
