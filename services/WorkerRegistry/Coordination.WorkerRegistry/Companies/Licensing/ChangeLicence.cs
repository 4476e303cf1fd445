using Coordination.Contracts.WorkerRegistry;
using Coordination.Eventing;

namespace Coordination.WorkerRegistry.Companies.Licensing;

/// <param name="ValidUntil">for a renewal only: the end of the new period.</param>
public sealed record ChangeLicence(
    Guid CompanyId, LicenceChange Change, DateOnly EffectiveOn, DateOnly? ValidUntil, string Reason,
    string RecordedBy, DateTimeOffset Now);

public static class ChangeLicenceDecision
{
    public static Decision Decide(ChangeLicence c, Company? state)
    {
        if (state is null) return new Missing("No such company", $"No company {c.CompanyId}.");
        // Changes are recorded in the order they take effect, so the status on any day is the last before it.
        if (state.Licence.Changes.Count > 0 && c.EffectiveOn < state.Licence.Changes[^1].EffectiveOn)
            return new RuleBroken("effectiveOn", "Before the last change",
                $"The last licence change took effect on {state.Licence.Changes[^1].EffectiveOn:yyyy-MM-dd}; a later one cannot take effect before it.");

        var status = state.Licence.Status;
        if (status == LicenceStatus.Revoked)
            return new StateConflict("Licence revoked", "A revoked licence cannot change any more; the company needs a new licence.");
        return c.Change switch
        {
            LicenceChange.Suspended when status == LicenceStatus.Suspended => new StateConflict("Already suspended", "The licence is already suspended."),
            LicenceChange.Suspended => Decision.Accept(new LicenceSuspended(c.CompanyId, c.EffectiveOn, c.Reason, c.RecordedBy, c.Now)),
            LicenceChange.Reinstated when status != LicenceStatus.Suspended => new StateConflict("Not suspended", "Only a suspended licence can be reinstated."),
            LicenceChange.Reinstated => Decision.Accept(new LicenceReinstated(c.CompanyId, c.EffectiveOn, c.Reason, c.RecordedBy, c.Now)),
            LicenceChange.Revoked => Decision.Accept(new LicenceRevoked(c.CompanyId, c.EffectiveOn, c.Reason, c.RecordedBy, c.Now)),
            LicenceChange.Renewed => Renew(c, state),
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Change, null),
        };
    }

    private static Decision Renew(ChangeLicence c, Company state)
    {
        if (c.ValidUntil is not { } until) return new RuleBroken("validUntil", "No end date", "A renewal names validUntil.");
        if (until <= state.Licence.ValidUntil)
            return new RuleBroken("validUntil", "Renewal does not extend", $"The licence is already valid until {state.Licence.ValidUntil:yyyy-MM-dd}.");
        if (until < c.EffectiveOn) return new RuleBroken("validUntil", "Ends before it starts", "validUntil cannot be before effectiveOn.");
        return Decision.Accept(new LicenceRenewed(c.CompanyId, c.EffectiveOn, until, c.Reason, c.RecordedBy, c.Now));
    }
}
