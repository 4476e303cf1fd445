using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using Npgsql;

namespace Coordination.IntegrationTests;

[Collection(StackCollection.Name)]
public class WorkerRegistrationFlowTests(CoordinationStack stack)
{
    [Fact]
    public async Task A_worker_registered_through_the_gateway_is_in_the_shared_log_as_a_CloudEvent_within_2_seconds()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");

        using var created = await ntt.Register(new
        {
            nik = "5301061203980001", fullName = "Yohanes Contoh", sex = "male", birthDate = "1998-03-12",
            originRegion = "53.01.06",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var subject = Workers.SubjectOf(created);
        var logged = await Eventually.Get(async () => await stack.LoggedEvents(ntt, new HashSet<string> { subject }) is [_] found ? found : null,
            TimeSpan.FromSeconds(2), "the registration reaching the shared log");
        var cloudEvent = logged[0];
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("coordination.worker-registry.worker-registered.v1", cloudEvent.GetProperty("type").GetString());
        Assert.Equal("/services/worker-registry", cloudEvent.GetProperty("source").GetString());
        Assert.Equal("53", cloudEvent.GetProperty("province").GetString());
        Assert.Equal("1", cloudEvent.GetProperty("sequence").GetString());
        Assert.Equal("personal", cloudEvent.GetProperty("dataclassification").GetString());
        Assert.Equal(await StoredEventId(subject), cloudEvent.GetProperty("id").GetGuid());
        var data = cloudEvent.GetProperty("data");
        Assert.Equal(subject, "worker/" + data.GetProperty("workerId").GetString());
        Assert.Equal("5301061203980001", data.GetProperty("nik").GetString());
        Assert.Equal("disnakertrans-ntt", data.GetProperty("registeredBy").GetString());
    }

    [Fact]
    public async Task A_registered_worker_reads_back_through_the_gateway_with_its_version_as_ETag()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        using var created = await ntt.Register(Workers.Minimal("Agnes Fiktif"));

        using var read = await ntt.GetAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var worker = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Agnes Fiktif", worker.GetProperty("fullName").GetString());
        Assert.Equal("female", worker.GetProperty("sex").GetString());
        Assert.Equal("prospective", worker.GetProperty("status").GetString());
    }

    public static TheoryData<string, HttpStatusCode, string?> BadRequests() => new()
    {
        { "{\"fullName\": ", HttpStatusCode.BadRequest, null },
        { """{"nik":"53010612039800011","fullName":"A","sex":"male","birthDate":"1998-03-12","originRegion":"53.01.06"}""", HttpStatusCode.BadRequest, "nik" },
        { """{"fullName":"A\u0007B","sex":"male","birthDate":"1998-03-12","originRegion":"53.01.06"}""", HttpStatusCode.BadRequest, "fullName" },
        { """{"fullName":"A","sex":"m","birthDate":"1998-03-12","originRegion":"53.01.06"}""", HttpStatusCode.BadRequest, "sex" },
        { """{"fullName":"A","sex":"male","birthDate":"12/03/1998","originRegion":"53.01.06"}""", HttpStatusCode.BadRequest, "birthDate" },
        { """{"fullName":"A","sex":"male","birthDate":"1998-03-12","originRegion":"Kupang"}""", HttpStatusCode.BadRequest, "originRegion" },
        { """{"fullName":"A","sex":"male","birthDate":"2999-03-12","originRegion":"53.01.06"}""", HttpStatusCode.UnprocessableEntity, "birthDate" },
        { """{"nik":"5301061303980001","fullName":"A","sex":"male","birthDate":"1998-03-12","originRegion":"53.01.06"}""", HttpStatusCode.UnprocessableEntity, "nik" },
        { """{"nik":"9901061203980001","fullName":"A","sex":"male","birthDate":"1998-03-12","originRegion":"53.01.06"}""", HttpStatusCode.UnprocessableEntity, "nik" },
        { """{"fullName":"A","sex":"male","birthDate":"1998-03-12","originRegion":"53.01.01"}""", HttpStatusCode.UnprocessableEntity, "originRegion" },
        { """{"fullName":"A","sex":"male","birthDate":"1998-03-12","originRegion":"53.01"}""", HttpStatusCode.UnprocessableEntity, "originRegion" },
        { $$"""{"fullName":"{{new string('a', 201)}}","sex":"male","birthDate":"1998-03-12","originRegion":"53.01.06"}""", HttpStatusCode.BadRequest, "fullName" },
        { """{"fullName":"Мария","sex":"female","birthDate":"1998-03-12","originRegion":"53.01.06"}""", HttpStatusCode.BadRequest, "fullName" },
        { """{"fullName":"A","sex":"male","birthDate":"1998-03-12","originRegion":"53.01.06","phone":"call me"}""", HttpStatusCode.BadRequest, "phone" },
        { """{"fullName":"A","sex":"male","birthDate":"1998-03-12","originRegion":"53.01.06","familyContact":{"name":"B","relation":"mother","phone":"x"}}""", HttpStatusCode.BadRequest, "familyContact.phone" },
        { """{"fullName":"A","sex":"male","birthDate":"1998-03-12","originRegion":"53.01.06","source":"rumour"}""", HttpStatusCode.BadRequest, "source" },
        { """{"fullName":42,"sex":"male","birthDate":"1998-03-12","originRegion":"53.01.06"}""", HttpStatusCode.BadRequest, "fullName" },
        { """[1,2,3]""", HttpStatusCode.BadRequest, null },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_problem_details_naming_the_field_and_stores_nothing(string body, HttpStatusCode status, string? field)
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        var before = await stack.StoredEvents();

        using var response = await ntt.PostAsync("/api/registry/workers", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
            Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(before, await stack.StoredEvents());
    }

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"1\"")]
    [InlineData("\"one\"")]
    [InlineData("\"\"")]
    public async Task An_If_Match_that_names_no_version_is_a_400_naming_it(string ifMatch)
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/workers") { Content = JsonContent.Create(Workers.Minimal()) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        using var response = await ntt.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("If-Match", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_registration_with_an_If_Match_is_412_and_takes_nothing()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        var worker = new { nik = "5301065507010001", fullName = "Theresia Fiktif", sex = "female", birthDate = "2001-07-15", originRegion = "53.01.06" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/workers") { Content = JsonContent.Create(worker) };
        // No version of a record that does not exist yet can match.
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        using var refused = await ntt.SendAsync(request);
        using var registered = await ntt.Register(worker);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        // Its NIK was not taken.
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
    }

    [Fact]
    public async Task An_agency_without_the_registry_write_role_cannot_register_a_worker()
    {
        using var integrator = stack.ClientFor("integrator-demo");
        var before = await stack.StoredEvents();

        using var response = await integrator.Register(Workers.Minimal());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await stack.StoredEvents());
    }

    /// <summary>The id of the one event stored in the registry for <paramref name="subject"/>.</summary>
    private async Task<Guid> StoredEventId(string subject)
    {
        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        await using var command = db.CreateCommand("select id from worker_registry.mt_events where stream_id = $1");
        command.Parameters.Add(new() { Value = Guid.Parse(subject.Split('/')[1]) });
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

}
