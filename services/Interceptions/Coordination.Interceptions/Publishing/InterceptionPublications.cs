using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.Interceptions.Interceptions;
using JasperFx.Events;
using Contract = Coordination.Contracts.Interceptions;

namespace Coordination.Interceptions.Publishing;

/// <summary>
/// Every step is published, so that the registry and the costs service can follow each
/// person. Filed under the intercepting province, whose record the interception is.
/// </summary>
public sealed class InterceptionPublications : IIntegrationEventMap
{
    public Publication? Map(IEvent stored) => stored.Data switch
    {
        InterceptionRecorded e => P(e.InterceptionId, e.Province, new Contract.InterceptionRecorded(e.InterceptionId, e.ExitPoint,
            e.InterceptedAt, e.DestinationCountry, [.. e.People.Select(p => new PersonReference(p.WorkerId, p.Details))],
            [.. e.Reasons.Select(r => ContractJson.NameOf(r.Code))], e.RecordedBy, e.RecordedAt)),
        HandoverRequested e => P(e.InterceptionId, e.Province, new Contract.HandoverRequested(e.HandoverId, e.InterceptionId, e.People,
            e.Province, e.ToProvince, e.Shelter, e.ReplyDue, e.RequestedBy, e.RequestedAt)),
        HandoverAccepted e => P(e.InterceptionId, e.Province, new Contract.HandoverAccepted(e.HandoverId, e.InterceptionId, e.AcceptedBy, e.AcceptedAt)),
        HandoverRejected e => P(e.InterceptionId, e.Province, new Contract.HandoverRejected(e.HandoverId, e.InterceptionId,
            ContractJson.NameOf(e.Reason), e.Explanation, e.RejectedBy, e.RejectedAt)),
        HandoverReplyOverdue e => P(e.InterceptionId, e.Province, new Contract.HandoverReplyOverdue(e.HandoverId, e.InterceptionId,
            e.ToProvince, e.ReplyDue, e.DetectedAt)),
        HandoverDeparted e => P(e.InterceptionId, e.Province, new Contract.HandoverDeparted(e.HandoverId, e.InterceptionId, e.People, e.Mode,
            e.Carrier, [.. e.Legs.Select(l => new Contract.HandoverLeg(l.From, l.To, l.ExpectedArrival))], e.Escort, e.RecordedBy, e.RecordedAt)),
        LegAcknowledged e => P(e.InterceptionId, e.Province, new Contract.HandoverLegAcknowledged(e.HandoverId, e.InterceptionId, e.Leg,
            e.At, e.AcknowledgedBy, e.AcknowledgedAt)),
        PeopleFailedToArrive e => P(e.InterceptionId, e.Province, new Contract.PeopleFailedToArrive(e.HandoverId, e.InterceptionId,
            e.Missing, e.ToProvince, e.ExpectedArrival, e.DetectedAt)),
        ArrivalConfirmed e => P(e.InterceptionId, e.Province, new Contract.HandoverArrivalConfirmed(e.HandoverId, e.People, e.ArrivalPoint,
            e.ArrivedAt, e.ConfirmedBy, e.ConfirmedAt)),
        LocalEmploymentArranged e => P(e.InterceptionId, e.Province, new Contract.LocalEmploymentArranged(e.InterceptionId, e.WorkerId,
            e.Employer, e.ContractDate, e.RecordedBy, e.RecordedAt)),
        AbscondedFromShelter e => P(e.InterceptionId, e.Province, new Contract.AbscondedFromShelter(e.InterceptionId, e.WorkerId, e.On,
            e.RecordedBy, e.RecordedAt)),
        ReferredToPolice e => P(e.InterceptionId, e.Province, new Contract.ReferredToPolice(e.InterceptionId, e.WorkerId, e.CaseNumber,
            e.RecordedBy, e.RecordedAt)),
        _ => null,
    };

    private static Publication P(Guid interception, string province, object message) => new(message, $"interception/{interception}", province);
}
