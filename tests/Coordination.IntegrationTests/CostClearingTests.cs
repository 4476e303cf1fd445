using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Contracts;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests;

/// <summary>Shelter and return costs through the gateway: allocation by the agreement, clearing between Kalbar and NTT.</summary>
[Collection(StackCollection.Name)]
public sealed class CostClearingTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _kalbar = stack.ClientFor("disnakertrans-kalbar");
    private readonly HttpClient _ntt = stack.ClientFor("disnakertrans-ntt");
    private readonly HttpClient _secretariat = stack.ClientFor("agreement-secretariat");
    private readonly HttpClient _integrator = stack.ClientFor("integrator-demo");
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private const long NightTariff = 150_000; // the default tariff (Costs:Shelter:DefaultNightTariff)

    [Fact]
    public async Task An_NTT_worker_sheltered_nine_nights_at_Entikong_and_shipped_home_is_cleared_between_Kalbar_and_NTT_to_a_zero_sum()
    {
        await Costs.EnsureAgreement(_secretariat);
        var today = Wita.DayOf(DateTimeOffset.UtcNow);
        var (worker, handoverPath) = await ShelteredNineNightsAndShippedHome();
        var handover = Guid.Parse(handoverPath.Split('/')[^1]);

        // The costs service learns of the stay's end and the acceptance from the broker.
        var stay = await Eventually.Get(async () =>
        {
            var view = await Case(_kalbar, worker);
            return view?.GetProperty("stays") is { } stays && stays.GetArrayLength() == 1 && stays[0].GetProperty("closedOn").ValueKind == JsonValueKind.String
                ? stays[0].GetProperty("id").GetString() : null;
        }, Within, "the shelter stay closing on departure");
        await Eventually.Get(async () => (await Case(_kalbar, handover))?.GetProperty("phaseToday").GetString() == "from-acceptance" ? "" : null,
            Within, "the costs service learning of the acceptance");

        using var bill = await _kalbar.PostAsJsonAsync($"/api/costs/stays/{stay}/bill",
            new { evidenceReference = $"SHELTER-ENTIKONG-{Guid.NewGuid():N}" });
        using var billedTwice = await _kalbar.PostAsJsonAsync($"/api/costs/stays/{stay}/bill",
            new { evidenceReference = $"SHELTER-ENTIKONG-{Guid.NewGuid():N}" });
        using var ship = await _kalbar.PostAsJsonAsync("/api/costs/lines", new
        {
            caseId = handover, category = "transport-ship", amount = 1_250_000, date = today.ToString("yyyy-MM-dd"),
            evidenceReference = $"PELNI-{Guid.NewGuid():N}", description = "KM Bukit Siguntang, Pontianak–Kupang",
        });

        Assert.Equal(HttpStatusCode.Created, bill.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, billedTwice.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ship.StatusCode);
        var shelterLine = await bill.Content.ReadFromJsonAsync<JsonElement>();
        var shipLine = await ship.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(9, shelterLine.GetProperty("nights").GetInt32());
        Assert.Equal(9 * NightTariff, shelterLine.GetProperty("amount").GetInt64());
        // Every night came before NTT accepted the handover: the intercepting province bears them; the trip home is NTT's.
        Assert.Equal([("kalbar", 9 * NightTariff)], Allocations(shelterLine));
        Assert.Equal([("ntt", 1_250_000L)], Allocations(shipLine));

        var period = Wita.DayOf(DateTimeOffset.UtcNow).ToString("yyyy-MM");
        using var closed = await _secretariat.PostAsync($"/api/costs/periods/{period}/close", null);
        using var closedTwice = await _secretariat.PostAsync($"/api/costs/periods/{period}/close", null);
        using var closedByKalbar = await _kalbar.PostAsync($"/api/costs/periods/{period}/close", null);
        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, closedTwice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, closedByKalbar.StatusCode);

        var kalbarSide = await _kalbar.GetFromJsonAsync<JsonElement>($"/api/costs/periods/{period}/statements/kalbar");
        var nttSide = await _ntt.GetFromJsonAsync<JsonElement>($"/api/costs/periods/{period}/statements/ntt");
        using var othersSide = await _ntt.GetAsync($"/api/costs/periods/{period}/statements/kalbar");
        var shipId = shipLine.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, othersSide.StatusCode);
        Assert.Contains(kalbarSide.GetProperty("lines").EnumerateArray(), l => l.GetProperty("lineId").GetGuid() == shipId
            && l.GetProperty("direction").GetString() == "claim" && l.GetProperty("amount").GetInt64() == 1_250_000);
        Assert.Contains(nttSide.GetProperty("lines").EnumerateArray(), l => l.GetProperty("lineId").GetGuid() == shipId
            && l.GetProperty("direction").GetString() == "due");
        // Kalbar's own shelter nights are no one else's business in clearing.
        Assert.DoesNotContain(kalbarSide.GetProperty("lines").EnumerateArray(), l => l.GetProperty("lineId").GetGuid() == shelterLine.GetProperty("id").GetGuid());
        var kalbarNet = Net(kalbarSide, "ntt");
        Assert.True(kalbarNet >= 1_250_000, $"Kalbar's net against NTT is {kalbarNet}.");
        Assert.Equal(0, kalbarNet + Net(nttSide, "kalbar"));

        using var csv = await _ntt.GetAsync($"/api/costs/periods/{period}/statements/ntt?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains(rows, r => r.Contains(shipId.ToString(), StringComparison.Ordinal) && r.EndsWith(",1250000", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith($"{period},ntt,net,", StringComparison.Ordinal) && r.EndsWith($",{-kalbarNet}", StringComparison.Ordinal));

        var cleared = (await Case(_kalbar, handover))!.Value.GetProperty("entries").EnumerateArray().Single();
        Assert.Equal(period, cleared.GetProperty("clearedIn").GetString());

        await DisputeApproveSettleAndReverse(period, nttSide, shipId);
        var entries = (await Case(_kalbar, handover))!.Value.GetProperty("entries").EnumerateArray().ToArray();
        // The reversal is an entry of its own, negative, left for the next period closed.
        Assert.Contains(entries, e => e.GetProperty("reversal").GetBoolean() && e.GetProperty("amount").GetInt64() == -1_250_000
            && e.GetProperty("clearedIn").ValueKind == JsonValueKind.Null);
        await IntegratorsSeeTotalsOnly(shipId);
        var logged = await Eventually.Get(async () =>
        {
            var events = await stack.LoggedEvents(_integrator, new HashSet<string> { $"cost-line/{shipId}", $"clearing-period/{period}" });
            return events.Count >= 6 ? events : null;
        }, Within, "the line, its reversal and the clearing steps reaching the shared log");
        Assert.Contains(logged, e => e.GetProperty("type").GetString() == "coordination.repatriation-costs.clearing-period-settled.v1");
    }

    [Fact]
    public async Task A_worker_who_takes_lawful_work_in_Kalbar_leaves_the_shelter_and_Kalbar_bears_the_nights()
    {
        await Costs.EnsureAgreement(_secretariat);
        var interception = await Costs.Intercept(_kalbar, DateTimeOffset.UtcNow.AddDays(-2));
        var worker = interception.GetProperty("people")[0].GetProperty("workerId").GetGuid();
        (await _kalbar.PostAsJsonAsync($"/api/interceptions/{interception.GetProperty("id").GetGuid()}/people/{worker}/local-employment",
            new { employer = "PT Sawit Contoh Kalbar (fiktif)", contractDate = "2026-12-01" })).EnsureSuccessStatusCode();

        var stay = await Eventually.Get(async () =>
        {
            var stays = (await Case(_kalbar, worker))?.GetProperty("stays");
            return stays is { } s && s.GetArrayLength() == 1 && s[0].GetProperty("reason").GetString() == "local-employment"
                ? s[0].GetProperty("id").GetString() : null;
        }, Within, "the stay closing on local employment");
        using var byNtt = await _ntt.PostAsJsonAsync($"/api/costs/stays/{stay}/bill", new { evidenceReference = $"NTT-{Guid.NewGuid():N}" });
        using var bill = await _kalbar.PostAsJsonAsync($"/api/costs/stays/{stay}/bill", new { evidenceReference = $"SHELTER-{Guid.NewGuid():N}" });

        Assert.Equal(HttpStatusCode.Forbidden, byNtt.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bill.StatusCode);
        Assert.Equal([("kalbar", 2 * NightTariff)], Allocations(await bill.Content.ReadFromJsonAsync<JsonElement>()));
    }

    private async Task DisputeApproveSettleAndReverse(string period, JsonElement nttSide, Guid shipId)
    {
        var entry = nttSide.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("lineId").GetGuid() == shipId).GetProperty("entryId").GetGuid();
        using var earlySettle = await _secretariat.PostAsJsonAsync($"/api/costs/periods/{period}/settlement", new { paymentReference = "SP2D-EARLY" });
        using var disputed = await _ntt.PostAsJsonAsync($"/api/costs/periods/{period}/statements/ntt/dispute",
            new { lines = new[] { new { entryId = entry, code = "wrong-amount", note = "The ticket says Rp 1.150.000" } } });
        using var approvedForNtt = await _kalbar.PostAsync($"/api/costs/periods/{period}/statements/ntt/approval", null);
        var answers = new List<HttpResponseMessage>();
        foreach (var party in (await _secretariat.GetFromJsonAsync<JsonElement>($"/api/costs/periods/{period}")).GetProperty("involved").EnumerateArray())
            if (party.GetString() is not "ntt" and var name)
                answers.Add(await stack.ClientFor(AgencyOf(name!)).PostAsync($"/api/costs/periods/{period}/statements/{name}/approval", null));
        using var settled = await _secretariat.PostAsJsonAsync($"/api/costs/periods/{period}/settlement", new { paymentReference = "SP2D-61-2026-0007" });
        using var reversedByNtt = await _ntt.PostAsJsonAsync($"/api/costs/lines/{shipId}/reversal", new { reason = "not ours" });
        using var reversed = await _kalbar.PostAsJsonAsync($"/api/costs/lines/{shipId}/reversal", new { reason = "Disputed by NTT: wrong amount" });

        Assert.Equal(HttpStatusCode.Conflict, earlySettle.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disputed.StatusCode);
        Assert.Equal("disputed", (await disputed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, approvedForNtt.StatusCode);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        Assert.Equal("SP2D-61-2026-0007", (await settled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("settlement").GetProperty("paymentReference").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, reversedByNtt.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        Assert.Equal("Disputed by NTT: wrong amount",
            (await reversed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reversal").GetProperty("reason").GetString());
        foreach (var a in answers) a.Dispose();
    }

    private async Task IntegratorsSeeTotalsOnly(Guid shipId)
    {
        using var line = await _integrator.GetAsync($"/api/costs/lines/{shipId}");
        var totals = await _integrator.GetFromJsonAsync<JsonElement>("/api/costs/totals");

        Assert.Equal(HttpStatusCode.Forbidden, line.StatusCode);
        Assert.Contains(totals.GetProperty("byCategoryAndBearer").EnumerateArray(), t => t.GetProperty("category").GetString() == "shelter-night"
            && t.GetProperty("province").GetString() == "61");
        Assert.DoesNotContain("lineId", totals.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    private static string AgencyOf(string party) => party switch
    {
        "ntt" => "disnakertrans-ntt", "kalbar" => "disnakertrans-kalbar", "kepri" => "disnakertrans-kepri", _ => "bp3mi-ntt",
    };

    /// <summary>Kalbar stops a new NTT worker at Entikong nine days ago, hands them over to NTT, which accepts, and ships them home today.</summary>
    private async Task<(Guid Worker, string Handover)> ShelteredNineNightsAndShippedHome()
    {
        var interception = await Costs.Intercept(_kalbar, DateTimeOffset.UtcNow.AddDays(-9));
        var worker = interception.GetProperty("people")[0].GetProperty("workerId").GetGuid();
        using var requested = await _kalbar.PostAsJsonAsync($"/api/interceptions/{interception.GetProperty("id").GetGuid()}/handovers",
            new { people = new[] { worker }, shelter = "Shelter P4MI Entikong" });
        var handover = requested.Headers.Location!.ToString();
        (await _ntt.PostAsJsonAsync($"{handover}/accept", new { })).EnsureSuccessStatusCode();
        (await _kalbar.PostAsJsonAsync($"{handover}/departure", new
        {
            mode = "ship", carrier = "KM Bukit Siguntang",
            legs = new[] { new { from = "Pontianak", to = "KPG-TENAU", expectedArrival = DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'") } },
        })).EnsureSuccessStatusCode();
        return (worker, handover);
    }

    private static async Task<JsonElement?> Case(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/costs/cases/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    private static (string, long)[] Allocations(JsonElement line) =>
        [.. line.GetProperty("allocations").EnumerateArray().Select(a => (a.GetProperty("party").GetString()!, a.GetProperty("amount").GetInt64()))];

    private static long Net(JsonElement statement, string counterparty) =>
        statement.GetProperty("balances").EnumerateArray().Where(b => b.GetProperty("counterparty").GetString() == counterparty)
            .Sum(b => b.GetProperty("net").GetInt64());

    public void Dispose()
    {
        _kalbar.Dispose();
        _ntt.Dispose();
        _secretariat.Dispose();
        _integrator.Dispose();
    }
}
