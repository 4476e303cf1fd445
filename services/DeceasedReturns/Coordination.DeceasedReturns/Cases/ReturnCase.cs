using Coordination.Contracts;
using Coordination.Contracts.DeceasedReturns;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Coordination.DeceasedReturns.Cases;

public enum CaseStage
{
    Reported,
    RepatriationArranged,
    Departed,
    Arrived,
    HandedToFamily,
    Buried,
    Closed,
}

public sealed record CaseDocument(
    ReturnDocument Kind, string Reference, string ReceivedBy, DateTimeOffset ReceivedAt, string? VerifiedBy, DateTimeOffset? VerifiedAt)
{
    public bool Verified => VerifiedBy is not null;
}

public sealed record CargoBooking(string Carrier, string AirWaybill, IReadOnlyList<Leg> Legs, string ArrangedBy, DateTimeOffset ArrangedAt)
{
    public DateTimeOffset ExpectedArrival => Legs[^1].ExpectedArrival;
}

/// <summary>A step that happened at <see cref="Place"/> (an airport) at <see cref="At"/>, confirmed by <see cref="By"/>.</summary>
public sealed record Milestone(string? Place, DateTimeOffset At, string By);

public sealed record FamilyHandover(FamilyContact Recipient, DateTimeOffset At, string By);

public sealed record Burial(DateOnly On, string Place, string By);

/// <summary>The return of one deceased worker's remains; <see cref="Version"/> is the stream version.</summary>
public sealed record ReturnCase(
    Guid Id, string Province, Guid WorkerId, PersonDetails? Details, string OriginRegion, string CountryOfDeath, string CityOfDeath,
    DateOnly DiedOn, CauseOfDeath Cause, string? CauseDetail, ProceduralStatus ProceduralStatus, NoticeSource Source,
    FamilyContact? FamilyContact, string ReportedBy, DateTimeOffset ReportedAt, IReadOnlyList<CaseDocument> Documents,
    CargoBooking? Repatriation, Milestone? Departed, Milestone? Arrived, FamilyHandover? HandedToFamily, Burial? Burial,
    Milestone? Closed, CaseStage Stage, long Version)
{
    /// <summary>Deaths whose cause must be established by the police or an autopsy before the remains travel.</summary>
    public static readonly CauseOfDeath[] CausesNeedingPoliceReport = [CauseOfDeath.Accident, CauseOfDeath.Violence, CauseOfDeath.Unknown];

    public IReadOnlyList<ReturnDocument> RequiredDocuments =>
        [.. Enum.GetValues<ReturnDocument>().Where(d => d != ReturnDocument.PoliceOrAutopsyReport || CausesNeedingPoliceReport.Contains(Cause))];

    /// <summary>Required documents not yet received and verified: the remains cannot depart while any is.</summary>
    public IReadOnlyList<ReturnDocument> MissingDocuments => [.. RequiredDocuments.Where(k => DocumentOf(k)?.Verified != true)];

    public CaseDocument? DocumentOf(ReturnDocument kind) => Documents.FirstOrDefault(d => d.Kind == kind);

    /// <summary>What the case waits for, as the board shows it.</summary>
    public string NextStep => Stage switch
    {
        CaseStage.Reported or CaseStage.RepatriationArranged when MissingDocuments.Count > 0 => "complete-documents",
        CaseStage.Reported => "arrange-repatriation",
        CaseStage.RepatriationArranged => "depart",
        CaseStage.Departed => "confirm-arrival",
        CaseStage.Arrived => "hand-to-family",
        CaseStage.HandedToFamily => "record-burial",
        CaseStage.Buried => "close",
        _ => "none",
    };

    /// <summary>The stage and next step, as a 409 tells the caller.</summary>
    public string Describe() => $"The case is {ContractJson.NameOf(Stage)} (next step: {NextStep}" +
        (MissingDocuments.Count > 0 && Stage < CaseStage.Departed
            ? $"; missing: {string.Join(", ", MissingDocuments.Select(ContractJson.NameOf))})."
            : ").");
}

public static class CaseEvolution
{
    public static ReturnCase? Evolve(ReturnCase? state, object @event)
    {
        if (@event is DeathReported r)
            return new ReturnCase(r.CaseId, r.Province, r.WorkerId, r.Details, r.OriginRegion, r.CountryOfDeath, r.CityOfDeath, r.DiedOn,
                r.Cause, r.CauseDetail, r.ProceduralStatus, r.Source, r.FamilyContact, r.ReportedBy, r.ReportedAt, [], null, null, null,
                null, null, null, CaseStage.Reported, 1);
        if (state is null) return null;

        state = state with { Version = state.Version + 1 };
        return @event switch
        {
            DocumentReceived e => state with
            {
                Documents = [.. state.Documents.Where(d => d.Kind != e.Document), new CaseDocument(e.Document, e.Reference, e.ReceivedBy, e.ReceivedAt, null, null)],
            },
            DocumentVerified e => state with
            {
                Documents = [.. state.Documents.Select(d => d.Kind == e.Document ? d with { VerifiedBy = e.VerifiedBy, VerifiedAt = e.VerifiedAt } : d)],
            },
            RepatriationArranged e => state with
            {
                Repatriation = new CargoBooking(e.Carrier, e.AirWaybill, e.Legs, e.ArrangedBy, e.ArrangedAt), Stage = CaseStage.RepatriationArranged,
            },
            RemainsDeparted e => state with { Departed = new Milestone(e.From, e.DepartedAt, e.RecordedBy), Stage = CaseStage.Departed },
            RemainsArrived e => state with { Arrived = new Milestone(e.ArrivalPoint, e.ArrivedAt, e.ConfirmedBy), Stage = CaseStage.Arrived },
            RemainsHandedToFamily e => state with
            {
                HandedToFamily = new FamilyHandover(e.Recipient, e.HandedAt, e.RecordedBy), Stage = CaseStage.HandedToFamily,
            },
            BurialRecorded e => state with { Burial = new Burial(e.BuriedOn, e.Place, e.RecordedBy), Stage = CaseStage.Buried },
            CaseClosed e => state with { Closed = new Milestone(null, e.ClosedAt, e.ClosedBy), Stage = CaseStage.Closed },
            _ => state,
        };
    }
}

public sealed class ReturnCaseProjection : SingleStreamProjection<ReturnCase, Guid>
{
    public override ReturnCase? Evolve(ReturnCase? snapshot, Guid id, IEvent e) => CaseEvolution.Evolve(snapshot, e.Data);
}
