using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using static Coordination.IntegrationTests.Infrastructure.Returns;

namespace Coordination.IntegrationTests;

/// <summary>Returns of deceased workers through the gateway, with BP3MI offices' keys, the registry following through the broker.</summary>
[Collection(StackCollection.Name)]
public sealed class DeceasedReturnFlowTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _bp3mi = stack.ClientFor("bp3mi-ntt");
    private readonly HttpClient _kepri = stack.ClientFor("bp3mi-kepri");
    private readonly HttpClient _kalbar = stack.ClientFor("disnakertrans-kalbar");
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_NTT_worker_stopped_at_Entikong_dies_in_Malaysia_and_is_brought_home_buried_and_the_case_closed()
    {
        var worker = await _bp3mi.RegisterId(Workers.WithNik("Yakobus Fiktif"));
        var interception = await Intercept(worker);
        var @case = await Eventually.Get(() => ReportWhenKnown(worker), Within, "the service learning of the worker from the registry");

        using var arrivalFirst = await _bp3mi.PostAsJsonAsync($"{@case}/arrival", new { });
        await _kepri.Documents(@case, [.. DocumentsForIllness, "police-or-autopsy-report"]);
        await _kepri.Step(@case, "repatriation", Route(DateTimeOffset.UtcNow));
        using var boardWhileOpen = await _bp3mi.GetAsync("/api/deceased/board?province=53");
        await _kepri.Step(@case, "departure", new { });
        using var familyFirst = await _bp3mi.PostAsJsonAsync($"{@case}/family-handover", Family());
        using var kepriArrival = await _kepri.PostAsJsonAsync($"{@case}/arrival", new { });
        using var staleRequest = new HttpRequestMessage(HttpMethod.Post, $"{@case}/arrival") { Content = JsonContent.Create(new { }) };
        staleRequest.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var stale = await _bp3mi.SendAsync(staleRequest);
        await _bp3mi.Step(@case, "arrival", new { });
        await _bp3mi.Step(@case, "family-handover", Family());
        await _bp3mi.Step(@case, "burial", new { buriedOn = Wita(DateTimeOffset.UtcNow), place = "Desa Oesao, Kupang Timur" });
        using var closed = await _bp3mi.PostAsJsonAsync($"{@case}/closure", new { });

        Assert.Equal([HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.PreconditionFailed, HttpStatusCode.OK],
            [arrivalFirst.StatusCode, familyFirst.StatusCode, kepriArrival.StatusCode, stale.StatusCode, closed.StatusCode]);
        Assert.Contains("reported", (await arrivalFirst.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("\"17\"", closed.Headers.ETag?.Tag); // reported, 5 documents received and verified, 6 steps
        var open = await boardWhileOpen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("depart", open.EnumerateArray().Single(e => @case.EndsWith(e.GetProperty("caseId").GetString()!, StringComparison.Ordinal))
            .GetProperty("nextStep").GetString());
        var board = await _bp3mi.GetFromJsonAsync<JsonElement>("/api/deceased/board");
        Assert.DoesNotContain(board.EnumerateArray(), e => @case.EndsWith(e.GetProperty("caseId").GetString()!, StringComparison.Ordinal));

        var record = await Eventually.Get(async () =>
        {
            var w = await _bp3mi.Worker(worker);
            return w.GetProperty("status").GetString() == "deceased" ? w.GetRawText() : null;
        }, Within, "the registry marking the worker deceased");
        var deathEntry = JsonDocument.Parse(record).RootElement.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "deceased");
        Assert.Equal(@case.Split('/')[^1], deathEntry.GetProperty("reference").GetString());

        // Every step but a document's receipt reaches the shared log, under the case.
        var subject = $"deceased-return/{@case.Split('/')[^1]}";
        var logged = await Eventually.Get(async () =>
        {
            var entries = await stack.LoggedEvents(_bp3mi, new HashSet<string> { subject });
            return entries.Count >= 12 ? entries : null;
        }, Within, "the case's steps reaching the shared log");
        var types = logged.Select(e => e.GetProperty("type").GetString()).ToHashSet();
        Assert.Equal(8, types.Count); // one contract per step
        Assert.Contains("coordination.deceased-returns.case-closed.v1", types);

        var shown = await Eventually.Get(async () =>
        {
            var c = await _bp3mi.Case(@case);
            return c.GetProperty("history").GetArrayLength() > 0 ? c.GetRawText() : null;
        }, Within, "the case showing the earlier interception");
        var view = JsonDocument.Parse(shown).RootElement;
        var past = Assert.Single(view.GetProperty("history").EnumerateArray());
        Assert.Equal(("intercepted", "PLBN-ENTIKONG", interception), (past.GetProperty("kind").GetString(), past.GetProperty("place").GetString(),
            past.GetProperty("reference").GetGuid()));
        Assert.Equal(("closed", "KOE", "bp3mi-ntt"), (view.GetProperty("stage").GetString(),
            view.GetProperty("arrived").GetProperty("place").GetString(), view.GetProperty("arrived").GetProperty("by").GetString()));
    }

    [Fact]
    public async Task A_person_the_registry_did_not_know_is_registered_by_it_from_the_death_report_and_marked_deceased_and_their_death_reported_once()
    {
        var person = new
        {
            fullName = "Agustina Fiktif", sex = "female", birthDate = "1995-02-03", originRegion = "53.01.09",
            nik = Workers.NewNik(new DateOnly(1995, 2, 3), female: true),
        };
        var @case = await _bp3mi.ReportCase(Report(person));
        var worker = (await _bp3mi.Case(@case)).GetProperty("deceased").GetProperty("workerId").GetGuid();
        using var again = await _kepri.PostAsJsonAsync("/api/deceased/cases", Report(person));
        using var byId = await _kepri.PostAsJsonAsync("/api/deceased/cases", Report(new { workerId = worker }));

        // A person dies once: the same death reported again, by NIK or by id, points to the case.
        Assert.Equal([HttpStatusCode.Conflict, HttpStatusCode.Conflict], [again.StatusCode, byId.StatusCode]);
        Assert.Equal((@case, @case), (again.Headers.Location?.ToString(), byId.Headers.Location?.ToString()));

        var record = await Eventually.Get(async () =>
        {
            using var response = await _bp3mi.GetAsync($"/api/registry/workers/{worker}");
            if (!response.IsSuccessStatusCode) return null;
            var w = await response.Content.ReadFromJsonAsync<JsonElement>();
            return w.GetProperty("status").GetString() == "deceased" ? w.GetRawText() : null;
        }, Within, "the registry registering the deceased");
        Assert.Equal("deceased-return-notice", JsonDocument.Parse(record).RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Remains_with_a_document_missing_cannot_depart_and_the_409_says_which()
    {
        var @case = await _bp3mi.ReportCase(Report(Person("Tanpa Dokumen"), cause: "violence"));
        await _bp3mi.Documents(@case, DocumentsForIllness);
        await _bp3mi.Step(@case, "repatriation", Route(DateTimeOffset.UtcNow.AddDays(1)));

        using var departure = await _bp3mi.PostAsJsonAsync($"{@case}/departure", new { });

        Assert.Equal(HttpStatusCode.Conflict, departure.StatusCode);
        Assert.Equal("application/problem+json", departure.Content.Headers.ContentType?.MediaType);
        Assert.Contains("police-or-autopsy-report", (await departure.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("complete-documents", (await _bp3mi.Case(@case)).GetProperty("nextStep").GetString());
    }

    [Fact]
    public async Task An_integrator_sees_the_case_without_the_name_the_cause_or_the_family_and_cannot_write()
    {
        var @case = await _bp3mi.ReportCase(Report(Person("Rahasia"), cause: "violence"));
        using var integrator = stack.ClientFor("integrator-demo");

        var redacted = await integrator.Case(@case);
        var full = await _bp3mi.Case(@case);
        using var write = await integrator.PostAsJsonAsync($"{@case}/documents/death-certificate/receipt", new { reference = "x" });

        Assert.Equal(JsonValueKind.Null, redacted.GetProperty("deceased").GetProperty("fullName").ValueKind);
        Assert.Equal(JsonValueKind.Null, redacted.GetProperty("cause").ValueKind);
        Assert.Equal(JsonValueKind.Null, redacted.GetProperty("familyContact").ValueKind);
        Assert.Contains("cause", redacted.GetProperty("redacted").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("familyContact", redacted.GetProperty("redacted").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(("Rahasia Fiktif", "violence", "wife"), (full.GetProperty("deceased").GetProperty("fullName").GetString(),
            full.GetProperty("cause").GetString(), full.GetProperty("familyContact").GetProperty("relation").GetString()));
        Assert.Empty(full.GetProperty("redacted").EnumerateArray());
        // A violent death needs a police or autopsy report: listing it would tell the cause.
        Assert.Contains("police-or-autopsy-report", full.GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetString()));
        Assert.DoesNotContain("police-or-autopsy-report", redacted.GetProperty("requiredDocuments").EnumerateArray().Select(d => d.GetString()));
        var board = await integrator.GetFromJsonAsync<JsonElement>("/api/deceased/board");
        var line = board.EnumerateArray().Single(e => @case.EndsWith(e.GetProperty("caseId").GetString()!, StringComparison.Ordinal));
        Assert.DoesNotContain("police-or-autopsy-report", line.GetProperty("missingDocuments").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Theory]
    [InlineData("""{"deceased":{"workerId":"nope"},"countryOfDeath":"MY","cityOfDeath":"Kuala Lumpur","diedOn":"2026-11-15","cause":"illness","proceduralStatus":"non-procedural","source":"consulate"}""", HttpStatusCode.BadRequest, "deceased.workerId")]
    [InlineData("""{"deceased":{"workerId":"0193a000-0000-7000-8000-0000000000ff"},"countryOfDeath":"MY","cityOfDeath":"Kuala Lumpur","diedOn":"2026-11-15","cause":"illness","proceduralStatus":"non-procedural","source":"consulate"}""", HttpStatusCode.UnprocessableEntity, "deceased.workerId")]
    [InlineData("""{"deceased":{"fullName":"A Fiktif","sex":"male","birthDate":"1990-01-01","originRegion":"53.99.99"},"countryOfDeath":"MY","cityOfDeath":"Kuala Lumpur","diedOn":"2026-11-15","cause":"illness","proceduralStatus":"non-procedural","source":"consulate"}""", HttpStatusCode.UnprocessableEntity, "deceased.originRegion")]
    [InlineData("""{"deceased":{"fullName":"A Fiktif","sex":"male","birthDate":"1990-01-01","originRegion":"53.01.06"},"countryOfDeath":"Malaysia","cityOfDeath":"Kuala Lumpur","diedOn":"2026-11-15","cause":"illness","proceduralStatus":"non-procedural","source":"consulate"}""", HttpStatusCode.BadRequest, "countryOfDeath")]
    [InlineData("""{"deceased":{"fullName":"A Fiktif","sex":"male","birthDate":"1990-01-01","originRegion":"53.01.06"},"countryOfDeath":"ID","cityOfDeath":"Jakarta","diedOn":"2026-11-15","cause":"illness","proceduralStatus":"non-procedural","source":"consulate"}""", HttpStatusCode.UnprocessableEntity, "countryOfDeath")]
    [InlineData("""{"deceased":{"fullName":"A Fiktif","sex":"male","birthDate":"1990-01-01","originRegion":"53.01.06"},"countryOfDeath":"MY","cityOfDeath":"Kuala Lumpur","diedOn":"2026-11-15","cause":"drowning","proceduralStatus":"non-procedural","source":"consulate"}""", HttpStatusCode.BadRequest, "cause")]
    [InlineData("""{"deceased":{"fullName":"A Fiktif","sex":"male","birthDate":"1990-01-01","originRegion":"53.01.06"},"countryOfDeath":"MY","cityOfDeath":"Kuala Lumpur","diedOn":"2026-11-15","cause":"illness","proceduralStatus":"non-procedural","source":"consulate","familyContact":{"name":"Ibu","relation":"mother","phone":"call me"}}""", HttpStatusCode.BadRequest, "familyContact.phone")]
    public async Task Bad_death_reports_get_problem_details_and_store_nothing(string body, HttpStatusCode status, string field)
    {
        var before = await stack.StoredEvents("deceased_returns");

        using var response = await _bp3mi.PostAsync("/api/deceased/cases", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertRefused(response, status, field);
        Assert.Equal(before, await stack.StoredEvents("deceased_returns"));
    }

    [Fact]
    public async Task A_malformed_air_waybill_and_a_route_that_does_not_end_in_NTT_store_nothing()
    {
        var @case = await _bp3mi.ReportCase(Report(Person("Rute")));
        var before = await stack.StoredEvents("deceased_returns");

        using var waybill = await _bp3mi.PostAsJsonAsync($"{@case}/repatriation", new
        {
            carrier = "Contoh Cargo", airWaybill = "12345", legs = new[] { new { from = "KUL", to = "KOE", expectedArrival = Moment(DateTimeOffset.UtcNow) } },
        });
        using var elsewhere = await _bp3mi.PostAsJsonAsync($"{@case}/repatriation", new
        {
            carrier = "Contoh Cargo", airWaybill = "126-12345675", legs = new[] { new { from = "SIN", to = "BTH", expectedArrival = Moment(DateTimeOffset.UtcNow) } },
        });

        using var nothing = await _bp3mi.PostAsync($"{@case}/repatriation", new StringContent(
            """{"carrier":"Contoh Cargo","airWaybill":"126-12345675","legs":[null]}""", System.Text.Encoding.UTF8, "application/json"));

        await AssertRefused(waybill, HttpStatusCode.BadRequest, "airWaybill");
        await AssertRefused(nothing, HttpStatusCode.BadRequest, "legs[0]");
        await AssertRefused(elsewhere, HttpStatusCode.UnprocessableEntity, "legs[0].to");
        Assert.Equal(before, await stack.StoredEvents("deceased_returns"));
    }

    private static async Task AssertRefused(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    private static object Person(string name) => new { fullName = $"{name} Fiktif", sex = "male", birthDate = "1990-06-01", originRegion = "53.01.06" };

    private static object Family() => new { recipient = new { name = "Maria Rekaan", relation = "wife" } };

    private static string Wita(DateTimeOffset at) => Coordination.Contracts.Wita.DayOf(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The case's address once the service knows the worker from the registry's publication; null while it does not.</summary>
    private async Task<string?> ReportWhenKnown(Guid worker)
    {
        using var response = await _bp3mi.PostAsJsonAsync("/api/deceased/cases", Report(new { workerId = worker }, cause: "accident"));
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity) return null;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    /// <summary>Stops the worker at Entikong; retried until the interceptions service knows them.</summary>
    private async Task<Guid> Intercept(Guid worker)
    {
        var location = await Eventually.Get(async () =>
        {
            using var response = await _kalbar.PostAsJsonAsync("/api/interceptions", new
            {
                exitPoint = "PLBN-ENTIKONG", destinationCountry = "MY", interceptedAt = Moment(DateTimeOffset.UtcNow.AddYears(-1)),
                people = new[] { new { workerId = worker } }, reasons = new[] { new { code = "no-documents" } },
            });
            return response.StatusCode == HttpStatusCode.Created ? response.Headers.Location!.ToString() : null;
        }, Within, "the interception being recorded");
        return Guid.Parse(location.Split('/')[^1]);
    }

    public void Dispose()
    {
        _bp3mi.Dispose();
        _kepri.Dispose();
        _kalbar.Dispose();
    }
}
