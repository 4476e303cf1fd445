using Coordination.Contracts;
using Coordination.Contracts.Interceptions;
using Coordination.Eventing;
using Coordination.Interceptions.Handovers;
using Coordination.Interceptions.Interceptions;
using Coordination.Interceptions.Interceptions.Recording;

namespace Coordination.Interceptions.Tests;

/// <summary>An interception at Entikong of two NTT workers, and its handover, built by evolving events.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(7));
    public static readonly Guid Id = Guid.Parse("0193a000-0000-7000-8000-0000000000a1");
    public static readonly Guid HandoverId = Guid.Parse("0193a000-0000-7000-8000-0000000000b1");
    public static readonly Guid Maria = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid Yosef = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    public static readonly Dictionary<Guid, string> Origins = new() { [Maria] = "53.01.19", [Yosef] = "53.01.06" };
    public const string Kalbar = "61", Ntt = "53", Kepri = "21";

    public static RecordInterception Recording(string exitPoint = "PLBN-ENTIKONG", string province = Kalbar,
        IReadOnlyList<PersonReference>? people = null, IReadOnlyList<Reason>? reasons = null) =>
        new(Id, exitPoint, Now.AddHours(-2), "MY", people ?? [new(Maria, null), new(Yosef, null)], Origins,
            reasons ?? [new Reason(ReasonCode.NoDocuments, null)], null, null, "disnakertrans-kalbar", province, Now);

    public static Interception Apply(Interception? state, Decision decision)
    {
        if (decision.Error is not null) throw new InvalidOperationException(decision.Error.Detail);
        return decision.Events.Aggregate(state, InterceptionEvolution.Evolve)!;
    }

    public static Interception Intercepted() => Apply(null, RecordInterceptionDecision.Decide(Recording(), null));

    public static RequestHandover Request(IReadOnlyList<Guid>? people = null, string province = Kalbar, Dictionary<Guid, string>? origins = null) =>
        new(Id, HandoverId, people ?? [Maria, Yosef], "Shelter P4MI Entikong", origins ?? Origins, TimeSpan.FromDays(3),
            "disnakertrans-kalbar", province, Now);

    public static Interception Requested() => Apply(Intercepted(), HandoverDecisions.Decide(Request(), Intercepted()));

    public static ReplyToHandover Accept(string province = Ntt) => new(Id, HandoverId, true, null, null, "disnakertrans-ntt", province, Now);

    public static Interception Accepted() => Apply(Requested(), HandoverDecisions.Decide(Accept(), Requested()));

    public static readonly Leg[] Legs =
    [
        new("Pontianak", "Surabaya", Now.AddDays(2)),
        new("Surabaya", "KPG-TENAU", Now.AddDays(4)),
    ];

    public static DepartHandover Depart(string province = Kalbar) =>
        new(Id, HandoverId, TransportMode.Ship, "KM Bukit Siguntang", Legs, "Staff Disnakertrans Kalbar", "disnakertrans-kalbar", province, Now);

    public static Interception InTransit() => Apply(Accepted(), HandoverDecisions.Decide(Depart(), Accepted()));

    public static ConfirmArrival Arrival(IReadOnlyList<Guid> people, string province = Ntt) =>
        new(Id, HandoverId, people, "KPG-TENAU", Now.AddHours(1), "disnakertrans-ntt", province, Now.AddHours(2));
}
