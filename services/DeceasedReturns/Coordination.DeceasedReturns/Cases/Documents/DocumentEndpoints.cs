using Coordination.Eventing;

namespace Coordination.DeceasedReturns.Cases.Documents;

/// <param name="Reference">the document's number or other mark, as written on it.</param>
public sealed record ReceiptRequest(string? Reference);

public sealed record VerificationRequest;

public static class DocumentEndpoints
{
    public static void MapDocuments(this RouteGroupBuilder deceased)
    {
        deceased.MapStep("/documents/{kind}/receipt", "ReceiveReturnDocument", (Guid id, ReceiptRequest r, Fields f, Call c) =>
        {
            f.Choice<ReturnDocument>("kind", c.Route("kind"), out var kind);
            f.Text("reference", r.Reference, out var reference, 100);
            return s => DocumentDecisions.Decide(new ReceiveDocument(id, kind, reference, c.By, c.Now), s);
        });
        deceased.MapStep("/documents/{kind}/verification", "VerifyReturnDocument", (Guid id, VerificationRequest _, Fields f, Call c) =>
        {
            f.Choice<ReturnDocument>("kind", c.Route("kind"), out var kind);
            return s => DocumentDecisions.Decide(new VerifyDocument(id, kind, c.By, c.Now), s);
        });
    }
}
