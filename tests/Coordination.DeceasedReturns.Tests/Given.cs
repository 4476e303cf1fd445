using Coordination.Contracts;
using Coordination.Contracts.DeceasedReturns;
using Coordination.DeceasedReturns.Cases;
using Coordination.DeceasedReturns.Cases.Documents;
using Coordination.DeceasedReturns.Cases.Family;
using Coordination.DeceasedReturns.Cases.Repatriation;
using Coordination.DeceasedReturns.Cases.Reporting;
using Coordination.Eventing;

namespace Coordination.DeceasedReturns.Tests;

/// <summary>A worker from Kupang Timur who died in Kuala Lumpur, and each step of bringing the remains home, by evolving events.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(8));
    public static readonly Guid Id = Guid.Parse("0193a000-0000-7000-8000-0000000000d1");
    public static readonly Guid Worker = Guid.Parse("0193a000-0000-7000-8000-000000000004");
    public const string Ntt = "53", Kepri = "21";

    public static ReportDeath Report(CauseOfDeath cause = CauseOfDeath.Illness, PersonReference? deceased = null, string? knownOrigin = "53.01.06",
        string country = "MY", DateOnly? diedOn = null, string? causeDetail = null) =>
        new(Id, deceased ?? new PersonReference(Worker, null), knownOrigin, country, "Kuala Lumpur", diedOn ?? new DateOnly(2026, 11, 15),
            cause, causeDetail, ProceduralStatus.NonProcedural, NoticeSource.Consulate, new FamilyContact("Maria Rekaan", "wife", "+62 812 3456 7890"),
            "bp3mi-ntt", Now);

    public static ReturnCase Apply(ReturnCase? state, Decision decision)
    {
        if (decision.Error is not null) throw new InvalidOperationException(decision.Error.Detail);
        return decision.Events.Aggregate(state, CaseEvolution.Evolve)!;
    }

    public static ReturnCase Reported(CauseOfDeath cause = CauseOfDeath.Illness) => Apply(null, ReportDeathDecision.Decide(Report(cause), null));

    public static ReturnCase WithDocuments(ReturnCase state, params ReturnDocument[] documents) => documents.Aggregate(state, (s, d) =>
    {
        var received = Apply(s, DocumentDecisions.Decide(new ReceiveDocument(Id, d, $"NO-{d}", "bp3mi-ntt", Now), s));
        return Apply(received, DocumentDecisions.Decide(new VerifyDocument(Id, d, "bp3mi-ntt", Now), received));
    });

    public static ReturnCase Documented(CauseOfDeath cause = CauseOfDeath.Illness)
    {
        var reported = Reported(cause);
        return WithDocuments(reported, [.. reported.RequiredDocuments]);
    }

    public static readonly Leg[] Legs =
    [
        new("KUL", "CGK", Now.AddDays(1)),
        new("CGK", "KOE", Now.AddDays(1).AddHours(6)),
    ];

    public static ArrangeRepatriation Arrange(IReadOnlyList<Leg>? legs = null) => new(Id, "Garuda Indonesia Cargo", "126-12345675", legs ?? Legs, "bp3mi-ntt", Now);

    public static ReturnCase Arranged(ReturnCase? documented = null)
    {
        documented ??= Documented();
        return Apply(documented, RepatriationDecisions.Decide(Arrange(), documented));
    }

    public static DepartRemains Depart(DateTimeOffset? at = null) => new(Id, at ?? Now, "bp3mi-ntt", Now);

    public static ReturnCase Departed() => Apply(Arranged(), RepatriationDecisions.Decide(Depart(), Arranged()));

    public static ConfirmArrival Arrive(string province = Ntt, DateTimeOffset? at = null) =>
        new(Id, at ?? Now.AddHours(6), "bp3mi-ntt", province, Now.AddHours(7));

    public static ReturnCase Arrived() => Apply(Departed(), RepatriationDecisions.Decide(Arrive(), Departed()));

    public static HandToFamily Hand(string province = Ntt, DateTimeOffset? at = null) =>
        new(Id, new FamilyContact("Maria Rekaan", "wife", null), at ?? Now.AddHours(8), "bp3mi-ntt", province, Now.AddHours(9));

    public static ReturnCase Handed() => Apply(Arrived(), FamilyDecisions.Decide(Hand(), Arrived()));

    public static RecordBurial Bury(DateOnly? on = null, string province = Ntt) =>
        new(Id, on ?? new DateOnly(2026, 11, 20), "Desa Oesao", "bp3mi-ntt", province, Now.AddHours(10));

    public static ReturnCase Buried() => Apply(Handed(), FamilyDecisions.Decide(Bury(), Handed()));

    public static CloseCase Close(string province = Ntt) => new(Id, "bp3mi-ntt", province, Now.AddDays(1));
}
