using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests;

/// <summary>Interceptions and handovers through the gateway, with two provinces' keys.</summary>
[Collection(StackCollection.Name)]
public sealed class HandoverFlowTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _kalbar = stack.ClientFor("disnakertrans-kalbar");
    private readonly HttpClient _ntt = stack.ClientFor("disnakertrans-ntt");
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Two_NTT_workers_stopped_at_Entikong_are_handed_over_to_NTT_and_arrive_home_at_Tenau()
    {
        var (maria, yosef) = (await Registered("Maria"), await Registered("Yosef"));
        var interception = await Intercept(maria, yosef);

        var handover = await RequestHandover(interception, maria, yosef);
        using var ownAccept = await _kalbar.PostAsJsonAsync($"{handover}/accept", new { });
        using var staleRequest = new HttpRequestMessage(HttpMethod.Post, $"{handover}/accept") { Content = JsonContent.Create(new { }) };
        staleRequest.Headers.TryAddWithoutValidation("If-Match", "\"1\""); // the interception is at version 2 since the request
        using var stale = await _ntt.SendAsync(staleRequest);
        using var accepted = await _ntt.PostAsJsonAsync($"{handover}/accept", new { });
        using var acceptedTwice = await _ntt.PostAsJsonAsync($"{handover}/accept", new { });
        using var departed = await _kalbar.PostAsJsonAsync($"{handover}/departure", new
        {
            mode = "ship", carrier = "KM Bukit Siguntang", escort = "Staf Disnakertrans Kalbar",
            legs = new[]
            {
                new { from = "Pontianak", to = "Surabaya", expectedArrival = Moment(TimeSpan.FromDays(2)) },
                new { from = "Surabaya", to = "KPG-TENAU", expectedArrival = Moment(TimeSpan.FromDays(4)) },
            },
        });
        using var leg = await _ntt.PostAsync($"{handover}/legs/1/acknowledgement", null);
        using var stranger = await _ntt.PostAsJsonAsync($"{handover}/arrival", new { people = new[] { Guid.NewGuid() }, arrivalPoint = "KPG-TENAU" });
        using var arrived = await _ntt.PostAsJsonAsync($"{handover}/arrival", new { people = new[] { maria, yosef }, arrivalPoint = "KPG-TENAU" });

        Assert.Equal(HttpStatusCode.Forbidden, ownAccept.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", ownAccept.Content.Headers.ContentType?.MediaType);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.OK],
            [accepted.StatusCode, acceptedTwice.StatusCode, departed.StatusCode, leg.StatusCode, stranger.StatusCode, arrived.StatusCode]);
        Assert.Equal("closed", (await BoardEntry(handover)).GetProperty("status").GetString());
        // The registry followed through the broker: stopped, then home.
        // Its events may reach the registry in any order; the record ends the same.
        foreach (var worker in new[] { maria, yosef })
            await Eventually.Get(async () =>
            {
                var record = JsonDocument.Parse(await _ntt.GetStringAsync($"/api/registry/workers/{worker}")).RootElement;
                return record.GetProperty("status").GetString() == "returned-home" && record.GetProperty("nonProceduralAttempts").GetInt32() == 1
                    ? "" : null;
            }, Within, $"the registry marking {worker} intercepted and returned home");
    }

    [Fact]
    public async Task A_request_nobody_answers_becomes_overdue_on_the_board_and_can_still_be_accepted()
    {
        var worker = await Registered("Overdue");
        var handover = await RequestHandover(await Intercept(worker), worker);

        await Eventually.Get(async () => (await BoardEntry(handover)).GetProperty("status").GetString() == "overdue" ? "" : null,
            Within, "the request becoming overdue");
        var overdue = await _ntt.GetFromJsonAsync<JsonElement>("/api/interceptions/handovers?status=overdue&province=53");
        using var accepted = await _ntt.PostAsJsonAsync($"{handover}/accept", new { });

        Assert.Contains(overdue.EnumerateArray(), e => handover.EndsWith(e.GetProperty("handoverId").GetString()!, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task People_not_confirmed_home_by_the_expected_arrival_plus_grace_raise_a_failed_to_arrive_alert()
    {
        var worker = await Registered("Hilang");
        var handover = await RequestHandover(await Intercept(worker), worker);
        (await _ntt.PostAsJsonAsync($"{handover}/accept", new { })).EnsureSuccessStatusCode();

        using var departed = await _kalbar.PostAsJsonAsync($"{handover}/departure", new
        {
            mode = "plane", carrier = "Contoh Air",
            legs = new[] { new { from = "SUP", to = "KOE", expectedArrival = Moment(TimeSpan.Zero) } },
        });

        departed.EnsureSuccessStatusCode();
        var entry = await Eventually.Get(async () =>
        {
            var e = await BoardEntry(handover);
            return e.GetProperty("status").GetString() == "failed-to-arrive" ? e.GetRawText() : null;
        }, Within, "the failed-to-arrive alert");
        Assert.Equal(worker, JsonDocument.Parse(entry).RootElement.GetProperty("missing")[0].GetGuid());
    }

    [Fact]
    public async Task A_person_who_takes_lawful_work_in_Kalbar_leaves_the_shelter_and_cannot_be_handed_over()
    {
        var worker = await Registered("Kerja");
        var interception = await Intercept(worker);

        using var employed = await _kalbar.PostAsJsonAsync($"{interception}/people/{worker}/local-employment",
            new { employer = "PT Sawit Contoh Kalbar (fiktif)", contractDate = "2026-12-01" });
        using var handover = await _kalbar.PostAsJsonAsync($"{interception}/handovers", new { people = new[] { worker }, shelter = "Shelter Entikong" });

        Assert.Equal(HttpStatusCode.OK, employed.StatusCode);
        var person = (await employed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("people")[0];
        Assert.Equal("local-employment", person.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, handover.StatusCode);
    }

    [Fact]
    public async Task A_recruiter_whose_company_was_suspended_on_the_day_is_flagged_and_one_with_a_valid_licence_is_not()
    {
        using var bp3mi = stack.ClientFor("bp3mi-ntt");
        var suspended = await bp3mi.RegisterCompany($"FLAG-{Guid.NewGuid():N}");
        var licensed = await bp3mi.RegisterCompany($"OK-{Guid.NewGuid():N}");
        (await bp3mi.PostAsJsonAsync($"/api/registry/companies/{suspended}/licence/suspend",
            new { effectiveOn = "2025-01-01", reason = "recruited without job orders" })).EnsureSuccessStatusCode();
        var worker = await Registered("Rekrut");

        // Retried until the interceptions service has heard of both companies and the suspension.
        var flags = await Eventually.Get(async () =>
        {
            var (bad, good) = (await RecruiterFlag(worker, suspended), await RecruiterFlag(worker, licensed));
            return bad?.Contains("suspended", StringComparison.Ordinal) == true && good is null ? new[] { bad } : null;
        }, Within, "the recruiter flags");

        Assert.Equal("The licence was suspended.", flags[0]);
    }

    private async Task<string?> RecruiterFlag(Guid worker, Guid company)
    {
        using var response = await _kalbar.PostAsJsonAsync("/api/interceptions", new
        {
            exitPoint = "PLBN-ENTIKONG", people = new[] { new { workerId = worker } }, reasons = new[] { new { code = "unlicensed-recruiter" } },
            recruiter = new { name = "Calo Fiktif", companyId = company },
        });
        if (response.StatusCode != HttpStatusCode.Created) return "not recorded";
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recruiter").GetProperty("flag").GetString();
    }

    [Theory]
    [InlineData("""{"exitPoint":"PLBN-NOWHERE","people":[{"fullName":"A","sex":"male","birthDate":"2000-01-01","originRegion":"53.01.06"}],"reasons":[{"code":"no-documents"}]}""", HttpStatusCode.UnprocessableEntity, "exitPoint")]
    [InlineData("""{"exitPoint":"PLBN-ENTIKONG","interceptedAt":"yesterday","people":[{"fullName":"A","sex":"male","birthDate":"2000-01-01","originRegion":"53.01.06"}],"reasons":[{"code":"no-documents"}]}""", HttpStatusCode.BadRequest, "interceptedAt")]
    [InlineData("""{"exitPoint":"PLBN-ENTIKONG","people":[{"fullName":"A","sex":"male","birthDate":"2000-01-01","originRegion":"53.01.06"}],"reasons":[{"code":"smuggling"}]}""", HttpStatusCode.BadRequest, "reasons[0].code")]
    [InlineData("""{"exitPoint":"PLBN-ENTIKONG","people":[],"reasons":[{"code":"no-documents"}]}""", HttpStatusCode.UnprocessableEntity, "people")]
    [InlineData("""{"exitPoint":"KOE","people":[{"fullName":"A","sex":"male","birthDate":"2000-01-01","originRegion":"53.01.06"}],"reasons":[{"code":"no-documents"}]}""", HttpStatusCode.Forbidden, null)]
    public async Task Bad_interceptions_get_problem_details_and_store_nothing(string body, HttpStatusCode status, string? field)
    {
        var before = await stack.StoredEvents("interceptions");

        using var response = await _kalbar.PostAsync("/api/interceptions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null) Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(before, await stack.StoredEvents("interceptions"));
    }

    private async Task<Guid> Registered(string name) => await _ntt.RegisterId(Workers.WithNik($"{name} Fiktif", "53.01.19"));

    /// <summary>Records an interception at Entikong; retried until the interceptions service has learnt of the workers from the registry.</summary>
    private async Task<string> Intercept(params Guid[] workers) => await Eventually.Get(async () =>
    {
        using var response = await _kalbar.PostAsJsonAsync("/api/interceptions", new
        {
            exitPoint = "PLBN-ENTIKONG", destinationCountry = "MY",
            people = workers.Select(w => new { workerId = w }), reasons = new[] { new { code = "no-documents" } },
        });
        return response.StatusCode == HttpStatusCode.Created ? response.Headers.Location!.ToString() : null;
    }, Within, "the interception being recorded");

    private async Task<string> RequestHandover(string interception, params Guid[] people)
    {
        using var response = await _kalbar.PostAsJsonAsync($"{interception}/handovers", new { people, shelter = "Shelter P4MI Entikong" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    private async Task<JsonElement> BoardEntry(string handover)
    {
        var board = await _ntt.GetFromJsonAsync<JsonElement>("/api/interceptions/handovers?province=53");
        return board.EnumerateArray().Single(e => handover.EndsWith(e.GetProperty("handoverId").GetString()!, StringComparison.Ordinal));
    }

    private static string Moment(TimeSpan fromNow) => DateTimeOffset.UtcNow.Add(fromNow).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'");

    public void Dispose()
    {
        _kalbar.Dispose();
        _ntt.Dispose();
    }
}
