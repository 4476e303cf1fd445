using Coordination.Contracts;
using Coordination.Eventing;

namespace Coordination.DeceasedReturns.Cases.Documents;

// The documents that travel with the remains: received (a copy, by its number), then
// verified, each by the agency that did it. Only before departure: they go with the cargo.

public sealed record ReceiveDocument(Guid CaseId, ReturnDocument Document, string Reference, string By, DateTimeOffset Now);

public sealed record VerifyDocument(Guid CaseId, ReturnDocument Document, string By, DateTimeOffset Now);

public static class DocumentDecisions
{
    private static readonly CaseStage[] BeforeDeparture = [CaseStage.Reported, CaseStage.RepatriationArranged];

    public static Decision Decide(ReceiveDocument c, ReturnCase? state)
    {
        if (CaseRules.Check(state, c.CaseId, "receive documents", BeforeDeparture) is { } refused) return refused;
        // A new copy may replace one not yet verified; a verified one stands.
        if (state!.DocumentOf(c.Document) is { Verified: true })
            return new StateConflict("Already verified", $"The {ContractJson.NameOf(c.Document)} is already verified. {state.Describe()}");
        return Decision.Accept(new DocumentReceived(c.CaseId, state.Province, c.Document, c.Reference, c.By, c.Now));
    }

    public static Decision Decide(VerifyDocument c, ReturnCase? state)
    {
        if (CaseRules.Check(state, c.CaseId, "verify documents", BeforeDeparture) is { } refused) return refused;
        var name = ContractJson.NameOf(c.Document);
        return state!.DocumentOf(c.Document) switch
        {
            null => new StateConflict("Not received", $"No {name} was received yet. {state.Describe()}"),
            { Verified: true } => new StateConflict("Already verified", $"The {name} is already verified. {state.Describe()}"),
            _ => Decision.Accept(new DocumentVerified(c.CaseId, state.Province, c.Document, c.By, c.Now)),
        };
    }
}
