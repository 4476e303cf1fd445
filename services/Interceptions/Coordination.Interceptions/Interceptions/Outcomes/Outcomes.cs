using Coordination.Eventing;

namespace Coordination.Interceptions.Interceptions.Outcomes;

// The outcomes of a sheltered person other than a handover home: lawful work in the
// intercepting province (AKAD), absconding from the shelter, or only a police case.

public abstract record PersonOutcomeCommand(Guid InterceptionId, Guid WorkerId, string RecordedBy, string CallerProvince, DateTimeOffset Now);

public sealed record ArrangeLocalEmployment(Guid InterceptionId, Guid WorkerId, string Employer, DateOnly ContractDate,
    string RecordedBy, string CallerProvince, DateTimeOffset Now) : PersonOutcomeCommand(InterceptionId, WorkerId, RecordedBy, CallerProvince, Now);

public sealed record RecordAbsconding(Guid InterceptionId, Guid WorkerId, DateOnly On,
    string RecordedBy, string CallerProvince, DateTimeOffset Now) : PersonOutcomeCommand(InterceptionId, WorkerId, RecordedBy, CallerProvince, Now);

public sealed record ReferToPolice(Guid InterceptionId, Guid WorkerId, string CaseNumber,
    string RecordedBy, string CallerProvince, DateTimeOffset Now) : PersonOutcomeCommand(InterceptionId, WorkerId, RecordedBy, CallerProvince, Now);

public static class OutcomeDecisions
{
    public static Decision Decide(PersonOutcomeCommand c, Interception? state)
    {
        if (state is null) return new Missing("No such interception", $"No interception {c.InterceptionId}.");
        if (state.Province != c.CallerProvince)
            return new NotYours("Another province's interception", "Only the intercepting province records what becomes of the people it shelters.");
        if (state.PersonOf(c.WorkerId) is not { } person)
            return new Missing("Not on this interception", $"Worker {c.WorkerId} was not stopped in this interception.");
        if (person.Outcome != PersonOutcome.Sheltered)
            return new StateConflict("Not in the shelter",
                $"The person is {Contracts.ContractJson.NameOf(person.Outcome)}; only a sheltered person's outcome can be recorded.");

        return Decision.Accept(c switch
        {
            ArrangeLocalEmployment e => new LocalEmploymentArranged(e.InterceptionId, state.Province, e.WorkerId, e.Employer, e.ContractDate, e.RecordedBy, e.Now),
            RecordAbsconding a => new AbscondedFromShelter(a.InterceptionId, state.Province, a.WorkerId, a.On, a.RecordedBy, a.Now),
            ReferToPolice p => (object)new ReferredToPolice(p.InterceptionId, state.Province, p.WorkerId, p.CaseNumber, p.RecordedBy, p.Now),
            _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
        });
    }
}
