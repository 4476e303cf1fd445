using Coordination.Contracts;
using Coordination.Contracts.DeceasedReturns;
using Coordination.DeceasedReturns.History;
using Coordination.ServiceDefaults;

namespace Coordination.DeceasedReturns.Cases.Reading;

/// <summary>The deceased as this service knows them; name, NIK and birth date only where the report brought them.</summary>
public sealed record DeceasedView(Guid WorkerId, string? FullName, string? Nik, Sex? Sex, DateOnly? BirthDate, string OriginRegion,
    string? OriginRegionName);

public sealed record HandoverView(FamilyContact? Recipient, DateTimeOffset At, string By);

/// <summary>
/// A case as a caller may see it: without <c>pii:read</c>, the deceased's name, NIK and birth
/// date, the cause of death and the family's contact are left out and listed in <see cref="Redacted"/>,
/// and so is the police or autopsy report, which is required only for some causes and so tells them.
/// <see cref="History"/> (the person's earlier interceptions and departures) comes with reads, not writes.
/// </summary>
public sealed record CaseView(
    Guid Id, string Province, DeceasedView Deceased, string CountryOfDeath, string CityOfDeath, DateOnly DiedOn, CauseOfDeath? Cause,
    string? CauseDetail, ProceduralStatus ProceduralStatus, NoticeSource Source, FamilyContact? FamilyContact, string ReportedBy,
    DateTimeOffset ReportedAt, CaseStage Stage, string NextStep, IReadOnlyList<ReturnDocument> RequiredDocuments,
    IReadOnlyList<ReturnDocument> MissingDocuments, IReadOnlyList<CaseDocument> Documents, CargoBooking? Repatriation,
    Milestone? Departed, Milestone? Arrived, HandoverView? HandedToFamily, Burial? Burial, Milestone? Closed,
    IReadOnlyList<PastStep>? History, IReadOnlyList<string> Redacted, long Version)
{
    private static readonly string[] PersonalFields =
        ["deceased.fullName", "deceased.nik", "deceased.birthDate", "cause", "causeDetail", "familyContact", "handedToFamily.recipient",
            "documents.police-or-autopsy-report"];

    public static CaseView Of(ReturnCase c, Agency caller, IReadOnlyList<PastStep>? history = null)
    {
        var d = c.Details;
        var view = new CaseView(c.Id, c.Province,
            new DeceasedView(c.WorkerId, d?.FullName, d?.Nik, d?.Sex, d?.BirthDate, c.OriginRegion, RegionCatalog.NameOf(c.OriginRegion[..8])),
            c.CountryOfDeath, c.CityOfDeath, c.DiedOn, c.Cause, c.CauseDetail, c.ProceduralStatus, c.Source, c.FamilyContact, c.ReportedBy,
            c.ReportedAt, c.Stage, c.NextStep, c.RequiredDocuments, c.MissingDocuments, c.Documents, c.Repatriation, c.Departed, c.Arrived,
            c.HandedToFamily is { } h ? new HandoverView(h.Recipient, h.At, h.By) : null, c.Burial, c.Closed, history, [], c.Version);
        return caller.Has(Roles.PiiRead)
            ? view
            : view with
            {
                Deceased = view.Deceased with { FullName = null, Nik = null, BirthDate = null },
                Cause = null, CauseDetail = null, FamilyContact = null,
                RequiredDocuments = WithoutCauseTelling(view.RequiredDocuments), MissingDocuments = WithoutCauseTelling(view.MissingDocuments),
                Documents = [.. view.Documents.Where(d => d.Kind != ReturnDocument.PoliceOrAutopsyReport)],
                HandedToFamily = view.HandedToFamily is { } handed ? handed with { Recipient = null } : null,
                Redacted = PersonalFields,
            };
    }

    public static IReadOnlyList<ReturnDocument> WithoutCauseTelling(IReadOnlyList<ReturnDocument> documents) =>
        [.. documents.Where(d => d != ReturnDocument.PoliceOrAutopsyReport)];
}

/// <summary>One line of the board of open returns: no personal data.</summary>
public sealed record BoardEntry(Guid CaseId, string Province, string OriginRegion, string CountryOfDeath, DateOnly DiedOn,
    ProceduralStatus ProceduralStatus, CaseStage Stage, string NextStep, IReadOnlyList<ReturnDocument> MissingDocuments,
    DateTimeOffset? ExpectedArrival, DateTimeOffset ReportedAt)
{
    /// <param name="personal">whether the caller may see what tells the cause of death (a missing police or autopsy report).</param>
    public static BoardEntry Of(ReturnCase c, bool personal) => new(c.Id, c.Province, c.OriginRegion, c.CountryOfDeath, c.DiedOn,
        c.ProceduralStatus, c.Stage, c.NextStep,
        c.Stage >= CaseStage.Departed ? [] : personal ? c.MissingDocuments : CaseView.WithoutCauseTelling(c.MissingDocuments),
        c.Repatriation?.ExpectedArrival, c.ReportedAt);
}
