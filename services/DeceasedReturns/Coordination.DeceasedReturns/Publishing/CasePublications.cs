using Coordination.Contracts;
using Coordination.DeceasedReturns.Cases;
using Coordination.Eventing;
using JasperFx.Events;
using Contract = Coordination.Contracts.DeceasedReturns;

namespace Coordination.DeceasedReturns.Publishing;

/// <summary>
/// Every step is published under the case id the death report carried (the costs service links
/// its cost lines to it), filed under the deceased's origin province. The cause of death and a
/// document's receipt stay in this service: the one is personal, the other not yet a fact others act on.
/// </summary>
public sealed class CasePublications : IIntegrationEventMap
{
    public Publication? Map(IEvent stored) => stored.Data switch
    {
        DeathReported e => P(e.CaseId, e.Province, new Contract.DeathReported(e.CaseId, new PersonReference(e.WorkerId, e.Details),
            e.CountryOfDeath, e.DiedOn, e.ProceduralStatus, e.ReportedBy, e.ReportedAt)),
        DocumentVerified e => P(e.CaseId, e.Province, new Contract.ReturnDocumentVerified(e.CaseId, ContractJson.NameOf(e.Document),
            e.VerifiedBy, e.VerifiedAt)),
        RepatriationArranged e => P(e.CaseId, e.Province, new Contract.RepatriationArranged(e.CaseId, e.Carrier, e.AirWaybill,
            [.. e.Legs.Select(l => new Contract.RepatriationLeg(l.From, l.To, l.ExpectedArrival))], e.Legs[^1].ExpectedArrival,
            e.ArrangedBy, e.ArrangedAt)),
        RemainsDeparted e => P(e.CaseId, e.Province, new Contract.RemainsDeparted(e.CaseId, e.From, e.DepartedAt, e.RecordedBy, e.RecordedAt)),
        RemainsArrived e => P(e.CaseId, e.Province, new Contract.RemainsArrived(e.CaseId, e.ArrivalPoint, e.ArrivedAt, e.ConfirmedBy, e.ConfirmedAt)),
        RemainsHandedToFamily e => P(e.CaseId, e.Province, new Contract.RemainsHandedToFamily(e.CaseId, e.WorkerId, e.Recipient.Name,
            e.Recipient.Relation, e.Recipient.Phone, e.HandedAt, e.RecordedBy, e.RecordedAt)),
        BurialRecorded e => P(e.CaseId, e.Province, new Contract.BurialRecorded(e.CaseId, e.WorkerId, e.BuriedOn, e.Place, e.RecordedBy, e.RecordedAt)),
        CaseClosed e => P(e.CaseId, e.Province, new Contract.ReturnCaseClosed(e.CaseId, e.ClosedBy, e.ClosedAt)),
        _ => null,
    };

    private static Publication P(Guid caseId, string province, object message) => new(message, $"deceased-return/{caseId}", province);
}
