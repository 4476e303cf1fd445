using Coordination.Contracts;
using Coordination.Eventing;

namespace Coordination.DeceasedReturns.Cases;

/// <summary>The checks every step of a case starts with, so that each refuses the same way.</summary>
public static class CaseRules
{
    /// <summary>
    /// 404 without a case; 403 when <paramref name="receiverProvince"/> is given and is not the
    /// case's province (its agency receives the remains); 409 with the current stage and next
    /// step when the case is not at one of <paramref name="stages"/>.
    /// </summary>
    public static DomainError? Check(ReturnCase? state, Guid caseId, string step, CaseStage[] stages, string? receiverProvince = null)
    {
        if (state is null) return new Missing("No such case", $"No return case {caseId}.");
        if (receiverProvince is not null && receiverProvince != state.Province)
            return new NotYours("Not the receiving province",
                $"Only an agency of province {state.Province}, where the deceased came from, may {step}.");
        return stages.Contains(state.Stage) ? null : new StateConflict("Out of order", $"Cannot {step} now. {state.Describe()}");
    }

    /// <summary>422 for a moment reported as after now (a few minutes of clock drift allowed).</summary>
    public static DomainError? NotInFuture(string field, DateTimeOffset at, DateTimeOffset now) =>
        at > now.AddMinutes(5) ? new RuleBroken(field, "In the future", $"{field} cannot be after now.") : null;

    public static DomainError? NotInFuture(string field, DateOnly day, DateTimeOffset now) =>
        day > Wita.DayOf(now) ? new RuleBroken(field, "In the future", $"{field} cannot be after today.") : null;

    /// <summary>422 for a step dated before the one it follows.</summary>
    public static DomainError? NotBefore(string field, DateTimeOffset at, DateTimeOffset earlier, string what) =>
        at < earlier ? new RuleBroken(field, "Before the previous step", $"{field} cannot be before {what} ({earlier:O}).") : null;
}
