using Coordination.Contracts;
using Marten;
using Microsoft.Extensions.Options;

namespace Coordination.RepatriationCosts.ShelterStays;

public sealed class ShelterOptions
{
    public const string Section = "Costs:Shelter";

    /// <summary>Whole rupiah per night where a province has no tariff of its own.</summary>
    public long DefaultNightTariff { get; set; } = 150_000;

    /// <summary>Per province code, e.g. <c>"61": 175000</c>.</summary>
    public Dictionary<string, long> NightTariffs { get; set; } = [];
}

public sealed class ShelterTariffs(IOptions<ShelterOptions> options)
{
    public long For(string province) => options.Value.NightTariffs.GetValueOrDefault(province, options.Value.DefaultNightTariff);
}

/// <summary>Opens and closes stays from the interceptions' events, through the same decisions as the endpoints.</summary>
public static class ShelterStayIntake
{
    public static async Task<ShelterStay?> OpenStayOf(IQuerySession session, Guid worker, CancellationToken ct) =>
        (await session.Query<ShelterStay>().Where(s => s.WorkerId == worker && s.ClosedOn == null).ToListAsync(ct)).FirstOrDefault();

    /// <summary>One stay per person at a time: a person already sheltered keeps the stay they have.</summary>
    public static async Task Admit(IDocumentSession session, Guid worker, string province, string shelter, long tariff, DateOnly on,
        string by, DateTimeOffset now, CancellationToken ct)
    {
        var open = await OpenStayOf(session, worker, ct) is not null;
        var stayId = Guid.CreateVersion7(now);
        var decision = ShelterStayDecisions.Decide(new OpenStay(stayId, worker, province, shelter, tariff, on, open, by, Wita.DayOf(now), now), null);
        if (decision.Error is null) session.Events.StartStream<ShelterStay>(stayId, [.. decision.Events]);
    }

    /// <summary>Closes the person's open stay, if any (a person may never have been sheltered here).</summary>
    public static async Task Discharge(IDocumentSession session, Guid worker, DateOnly on, StayEnd reason, string by, DateTimeOffset now,
        CancellationToken ct)
    {
        if (await OpenStayOf(session, worker, ct) is not { } stay) return;
        var closedOn = on < stay.OpenedOn ? stay.OpenedOn : on;
        var decision = ShelterStayDecisions.Decide(new CloseStay(stay.Id, closedOn, reason, stay.Province, by, DateOnly.MaxValue, now), stay);
        if (decision.Error is null) session.Events.Append(stay.Id, stay.Version + 1, [.. decision.Events]);
    }
}
