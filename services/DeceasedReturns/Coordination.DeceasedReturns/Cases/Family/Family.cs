using Coordination.Contracts;
using Coordination.Eventing;

namespace Coordination.DeceasedReturns.Cases.Family;

// After the arrival, the receiving province's agency hands the remains to the family, records
// the burial and closes the case.

public sealed record HandToFamily(Guid CaseId, FamilyContact Recipient, DateTimeOffset HandedAt, string By, string CallerProvince, DateTimeOffset Now);

public sealed record RecordBurial(Guid CaseId, DateOnly BuriedOn, string Place, string By, string CallerProvince, DateTimeOffset Now);

public sealed record CloseCase(Guid CaseId, string By, string CallerProvince, DateTimeOffset Now);

public static class FamilyDecisions
{
    public static Decision Decide(HandToFamily c, ReturnCase? state)
    {
        if (CaseRules.Check(state, c.CaseId, "hand the remains to the family", [CaseStage.Arrived], c.CallerProvince) is { } refused) return refused;
        if ((CaseRules.NotInFuture("handedAt", c.HandedAt, c.Now) ?? CaseRules.NotBefore("handedAt", c.HandedAt, state!.Arrived!.At, "the arrival"))
            is { } wrong) return wrong;
        return Decision.Accept(new RemainsHandedToFamily(c.CaseId, state!.Province, state.WorkerId, c.Recipient, c.HandedAt, c.By, c.Now));
    }

    public static Decision Decide(RecordBurial c, ReturnCase? state)
    {
        if (CaseRules.Check(state, c.CaseId, "record the burial", [CaseStage.HandedToFamily], c.CallerProvince) is { } refused) return refused;
        if (CaseRules.NotInFuture("buriedOn", c.BuriedOn, c.Now) is { } future) return future;
        if (c.BuriedOn < Wita.DayOf(state!.HandedToFamily!.At))
            return new RuleBroken("buriedOn", "Before the handover", "buriedOn cannot be before the remains were handed to the family.");
        return Decision.Accept(new BurialRecorded(c.CaseId, state.Province, state.WorkerId, c.BuriedOn, c.Place, c.By, c.Now));
    }

    public static Decision Decide(CloseCase c, ReturnCase? state) =>
        CaseRules.Check(state, c.CaseId, "close the case", [CaseStage.Buried], c.CallerProvince) is { } refused
            ? refused
            : Decision.Accept(new CaseClosed(c.CaseId, state!.Province, c.By, c.Now));
}
