using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Cases;
using Coordination.RepatriationCosts.CostLines;
using Coordination.RepatriationCosts.CostLines.Posting;
using Coordination.RepatriationCosts.Parties;
using Coordination.RepatriationCosts.ShelterStays;

namespace Coordination.RepatriationCosts.Tests;

/// <summary>An NTT worker stopped at Entikong by Kalbar on 14 November, handed over to NTT (accepted on the 20th).</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7));
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly Guid Maria = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid HandoverId = Guid.Parse("0193a000-0000-7000-8000-0000000000b1");
    public static readonly Guid StayId = Guid.Parse("0193a000-0000-7000-8000-0000000000e1");
    public static readonly Guid LineId = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");
    public const long Bound = 250_000_000;
    public const long Tariff = 150_000;

    public static readonly DateOnly AcceptedOn = new(2026, 11, 20);

    public static CaseFile Handover(DateOnly? acceptedOn = null) =>
        new(HandoverId, CaseKind.Handover, "61", "53", [Maria], HandoverId, acceptedOn ?? AcceptedOn, null);

    public static CaseFile Person(DateOnly? acceptedOn = null) =>
        new(Maria, CaseKind.Person, "61", "53.01.19", [Maria], HandoverId, acceptedOn ?? AcceptedOn, null);

    public static CaseFile Returned(Contracts.DeceasedReturns.ProceduralStatus status) =>
        new(Guid.Parse("0193a000-0000-7000-8000-0000000000d1"), CaseKind.DeceasedReturn, null, "53.02.01", [Maria], null, null, status);

    /// <summary>Version 1 from 2026-01-01: the intercepting province until acceptance, the origin province from it; BP2MI for procedural returns.</summary>
    public static readonly RuleSet Rules = new(1, new DateOnly(2026, 1, 1),
    [
        Rule(CostCategory.ShelterNight, Phase.BeforeAcceptance, Bearer.InterceptingProvince),
        Rule(CostCategory.ShelterNight, Phase.FromAcceptance, Bearer.OriginProvince),
        Rule(CostCategory.TransportShip, Phase.FromAcceptance, Bearer.OriginProvince),
        Rule(CostCategory.RemainsTransport, Phase.ProceduralReturn, Bearer.NationalAgency),
        Rule(CostCategory.RemainsTransport, Phase.NonProceduralReturn, Bearer.OriginProvince),
    ]);

    public static SharingRule Rule(CostCategory category, Phase phase, Bearer bearer) => new(category, phase, [new Share(bearer, 100)]);

    public static ShelterStay Stay(DateOnly? closedOn, string province = "61") =>
        new(StayId, Maria, province, "Shelter P4MI Entikong", Tariff, new DateOnly(2026, 11, 14), closedOn, closedOn is null ? null : StayEnd.Departed, 2);

    public static PostCostLine Post(Costed what, CaseFile? file = null, Party? payer = Party.Kalbar, IReadOnlyList<RuleSet>? rules = null,
        string agency = "disnakertrans-kalbar") =>
        new(LineId, file?.Id ?? HandoverId, file, null, what, payer, agency, "PELNI-TKT-0042", null, rules ?? [Rules], Bound, Today, Now);

    public static PostCostLine Ship(long amount = 1_250_000, DateOnly? date = null) =>
        Post(new Paid(CostCategory.TransportShip, amount, date ?? Today), Handover());

    public static T Single<T>(Decision decision)
    {
        Assert.Null(decision.Error);
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }

    public static T Refused<T>(Decision decision) where T : DomainError => Assert.IsType<T>(decision.Error);

    public static CostLine Line(CostLinePosted posted) => CostLineEvolution.Evolve(null, posted)!;
}
