using Coordination.DeceasedReturns.Cases.Reporting;
using Coordination.Eventing;

namespace Coordination.DeceasedReturns.Cases.Family;

public sealed record FamilyHandoverRequest(FamilyContactRequest? Recipient, string? HandedAt);

public sealed record BurialRequest(string? BuriedOn, string? Place);

public sealed record ClosureRequest;

public static class FamilyEndpoints
{
    public static void MapFamily(this RouteGroupBuilder deceased)
    {
        deceased.MapStep("/family-handover", "HandRemainsToFamily", (Guid id, FamilyHandoverRequest r, Fields f, Call c) =>
        {
            var recipient = ReportDeathEndpoint.Contact(r.Recipient ?? new(null, null, null), "recipient", f);
            var at = f.Optional<DateTimeOffset>("handedAt", r.HandedAt, f.Moment) ?? c.Now;
            return s => FamilyDecisions.Decide(new HandToFamily(id, recipient, at, c.By, c.Province, c.Now), s);
        });
        deceased.MapStep("/burial", "RecordBurial", (Guid id, BurialRequest r, Fields f, Call c) =>
        {
            f.Date("buriedOn", r.BuriedOn, out var on);
            f.Text("place", r.Place, out var place, 200);
            return s => FamilyDecisions.Decide(new RecordBurial(id, on, place, c.By, c.Province, c.Now), s);
        });
        deceased.MapStep("/closure", "CloseReturnCase", (Guid id, ClosureRequest _, Fields f, Call c) =>
            s => FamilyDecisions.Decide(new CloseCase(id, c.By, c.Province, c.Now), s));
    }
}
