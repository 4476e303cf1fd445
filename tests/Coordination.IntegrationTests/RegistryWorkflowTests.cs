using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using Npgsql;

namespace Coordination.IntegrationTests;

/// <summary>Registering, correcting, merging and the journey, through the gateway.</summary>
[Collection(StackCollection.Name)]
public sealed class RegistryWorkflowTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _ntt = stack.ClientFor("disnakertrans-ntt");

    [Fact]
    public async Task Registering_a_NIK_already_held_answers_409_with_the_existing_workers_location_and_stores_nothing()
    {
        var worker = Workers.WithNik("Yohanes Contoh");
        var id = await _ntt.RegisterId(worker);
        var before = await stack.StoredEvents();

        using var again = await _ntt.Register(worker);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"/api/registry/workers/{id}", again.Headers.Location?.ToString());
        Assert.Equal(before, await stack.StoredEvents());
    }

    [Fact]
    public async Task Two_racing_registrations_of_one_NIK_store_one_worker()
    {
        var worker = Workers.WithNik("Racing Contoh");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _ntt.Register(worker)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task A_correction_with_the_current_ETag_changes_the_named_fields_and_a_stale_one_is_412_and_changes_nothing()
    {
        var id = await _ntt.RegisterId(Workers.WithNik("Yohanis Contoh"));

        using var corrected = await Correct(id, "\"1\"", new { fullName = "Yohanes Contoh", reason = "spelling as on the KK" });
        using var stale = await Correct(id, "\"1\"", new { originRegion = "53.01.09", reason = "moved" });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("\"2\"", corrected.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var worker = await _ntt.Worker(id);
        Assert.Equal("Yohanes Contoh", worker.GetProperty("fullName").GetString());
        Assert.Equal("53.01.06", worker.GetProperty("originRegion").GetString());
        Assert.Equal(2, worker.GetProperty("version").GetInt64());
        Assert.Contains("fullName", worker.GetProperty("history").EnumerateArray().Last(h => h.GetProperty("kind").GetString() == "corrected")
            .GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_correction_to_a_NIK_another_worker_holds_answers_409_with_that_workers_location()
    {
        var holder = Workers.WithNik("Holder Contoh");
        var holderId = await _ntt.RegisterId(holder);
        var other = await _ntt.RegisterId(Workers.Minimal("Other Contoh"));
        var nik = JsonSerializer.SerializeToElement(holder).GetProperty("nik").GetString();

        using var response = await Correct(other, "\"1\"", new { nik, birthDate = "1998-03-12", sex = "male", reason = "found the KTP" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal($"/api/registry/workers/{holderId}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Merging_a_duplicate_writes_to_both_streams_and_reads_of_the_duplicate_redirect_to_the_survivor()
    {
        var family = new { name = "Agustina Fiktif", relation = "mother", phone = "+62 812 7777 0001" };
        var survivor = await _ntt.RegisterId(Workers.WithNik("Petrus Fiktif", familyContact: family));
        var duplicate = await _ntt.RegisterId(new
        {
            fullName = "Petrus  Fiktif", sex = "male", birthDate = "1998-03-12", originRegion = "53.01.06", source = "interception",
            familyContact = new { name = "Agustina", relation = "mother", phone = "0812-7777-0001" },
        });

        var candidates = await _ntt.GetFromJsonAsync<JsonElement>($"/api/registry/workers/{survivor}/probable-duplicates");
        var match = Assert.Single(candidates.EnumerateArray(), c => c.GetProperty("worker").GetProperty("id").GetGuid() == duplicate);
        Assert.Equal(["name-and-birth-date", "family-contact"], match.GetProperty("matchedOn").EnumerateArray().Select(m => m.GetString()));

        using var blind = await _ntt.PostAsJsonAsync($"/api/registry/workers/{survivor}/merges",
            new { duplicateId = duplicate, reason = "same person, found without documents" });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/workers/{survivor}/merges")
        {
            Content = JsonContent.Create(new { duplicateId = duplicate, reason = "same person, found without documents" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var merged = await _ntt.SendAsync(request);

        Assert.Equal((HttpStatusCode)428, blind.StatusCode); // a merge is made on what the officer read
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(["DuplicateMerged"], await EventTypes(survivor, after: 1));
        Assert.Equal(["MergedInto"], await EventTypes(duplicate, after: 1));
        using var noRedirects = stack.ClientFor("disnakertrans-ntt", followRedirects: false);
        using var read = await noRedirects.GetAsync($"/api/registry/workers/{duplicate}");
        Assert.Equal(HttpStatusCode.PermanentRedirect, read.StatusCode);
        Assert.Equal($"/api/registry/workers/{survivor}", read.Headers.Location?.ToString());
        var followed = await _ntt.Worker(duplicate);
        Assert.Equal(survivor, followed.GetProperty("id").GetGuid());
        Assert.Equal(2, followed.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("kind").GetString() == "registered"));
    }

    [Fact]
    public async Task A_worker_trains_departs_through_a_licensed_company_and_returns_and_the_view_shows_the_whole_history()
    {
        var company = await _ntt.RegisterCompany($"JOURNEY-{Guid.NewGuid():N}");
        var id = await _ntt.RegisterId(Workers.WithNik("Journey Fiktif"));

        using var trained = await _ntt.PostAsJsonAsync($"/api/registry/workers/{id}/training",
            new { trainingCentre = "BLK Kupang", certificateNumber = "BLK-KPG-1", completedOn = "2025-01-20" });
        using var departed = await _ntt.PostAsJsonAsync($"/api/registry/workers/{id}/departures",
            new { companyId = company, destinationCountry = "MY", job = "plantation worker", departedOn = "2025-03-01" });
        using var departedAgain = await _ntt.PostAsJsonAsync($"/api/registry/workers/{id}/departures",
            new { companyId = company, destinationCountry = "SG", job = "caregiver", departedOn = "2025-04-01" });
        using var returned = await _ntt.PostAsJsonAsync($"/api/registry/workers/{id}/returns", new { returnedOn = "2026-09-30" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.OK],
            [trained.StatusCode, departed.StatusCode, departedAgain.StatusCode, returned.StatusCode]);
        var worker = await _ntt.Worker(id);
        Assert.Equal("returned", worker.GetProperty("status").GetString());
        Assert.Equal(["training-completed", "departed", "returned", "registered"],
            worker.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task A_departure_through_a_company_whose_licence_had_expired_is_422_naming_companyId_and_stores_nothing()
    {
        var company = await _ntt.RegisterCompany($"EXPIRED-{Guid.NewGuid():N}", "2015-01-01", "2019-12-31");
        var id = await _ntt.RegisterId(Workers.WithNik("Expired Fiktif"));
        var before = await stack.StoredEvents();

        using var response = await _ntt.PostAsJsonAsync($"/api/registry/workers/{id}/departures",
            new { companyId = company, destinationCountry = "MY", job = "plantation worker", departedOn = "2024-03-01" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("companyId", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(before, await stack.StoredEvents());
    }

    [Fact]
    public async Task A_step_for_a_worker_that_does_not_exist_is_404_problem_details()
    {
        using var response = await _ntt.PostAsJsonAsync($"/api/registry/workers/{Guid.NewGuid()}/returns", new { returnedOn = "2026-01-01" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> Correct(Guid id, string? ifMatch, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/workers/{id}/corrections") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await _ntt.SendAsync(request);
    }

    /// <summary>Stored event types of a worker's stream after version <paramref name="after"/>.</summary>
    private async Task<string[]> EventTypes(Guid stream, long after)
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        await using var command = db.CreateCommand("select type from worker_registry.mt_events where stream_id = $1 and version > $2 order by version");
        command.Parameters.Add(new() { Value = stream });
        command.Parameters.Add(new() { Value = after });
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) types.Add(reader.GetString(0));
        // Marten stores snake_case aliases (duplicate_merged); compare in the events' own names.
        return [.. types.Select(t => string.Concat(t.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])))];
    }

    public void Dispose() => _ntt.Dispose();
}
