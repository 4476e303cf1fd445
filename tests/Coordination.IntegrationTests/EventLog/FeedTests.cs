using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudNative.CloudEvents.SystemTextJson;
using Coordination.EventLog.Feed;
using Coordination.EventLog.Log;
using Coordination.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.EventLog;

[Collection(StackCollection.Name)]
public class FeedTests(CoordinationStack stack)
{
    private const string Registered = "coordination.worker-registry.worker-registered.v1";

    [Fact]
    public async Task Filters_by_type_province_and_subject_page_stably_and_parse_with_the_CloudEvents_SDK()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        using var kalbar = stack.ClientFor("disnakertrans-kalbar");
        var fromNtt = await ntt.RegisterId(Workers.Minimal("Filter Satu Fiktif"));
        var fromKalbar = await kalbar.RegisterId(Workers.Minimal("Filter Dua Fiktif", origin: "61.01.01"));
        var fromNttAgain = await ntt.RegisterId(Workers.Minimal("Filter Tiga Fiktif"));
        var after = await Feeds.Logged(stack, $"worker/{fromNtt}") - 1;
        await Feeds.Logged(stack, $"worker/{fromNttAgain}");

        var query = $"/api/events?after={after}&limit=1&type={Registered}&province=53";
        using var page1 = await ntt.GetAsync(query);
        var onPage1 = Parse(await page1.Content.ReadAsByteArrayAsync());
        using var again = await ntt.GetAsync(query);
        var paged = new List<CloudNative.CloudEvents.CloudEvent>(onPage1);
        for (var link = page1.Headers.GetValues("Link").Single(); paged[^1].Subject != $"worker/{fromNttAgain}";)
        {
            using var next = await ntt.GetAsync(link[1..link.IndexOf('>')]);
            paged.Add(Assert.Single(Parse(await next.Content.ReadAsByteArrayAsync())));
            link = next.Headers.GetValues("Link").Single();
            Assert.Contains($"type={Registered}", link, StringComparison.Ordinal);
        }

        Assert.Equal("application/cloudevents-batch+json", page1.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"worker/{fromNtt}", Assert.Single(onPage1).Subject);
        Assert.Equal(onPage1[0].Id, Assert.Single(Parse(await again.Content.ReadAsByteArrayAsync())).Id);
        Assert.Equal(paged.Count, paged.Select(e => e.Id).Distinct().Count());
        Assert.All(paged, e => Assert.Equal((Registered, "53"), (e.Type, (string?)e["province"])));
        Assert.DoesNotContain(paged, e => e.Subject == $"worker/{fromKalbar}");
        Assert.Equal("/services/worker-registry", onPage1[0].Source?.ToString());

        var bySubject = Parse(await ntt.GetByteArrayAsync($"/api/events?after={after}&subject=worker/{fromKalbar}"));
        Assert.Equal("61", Assert.Single(bySubject)["province"]);
    }

    [Fact]
    public async Task A_page_holds_more_than_a_thousand_entries_up_to_the_largest_limit()
    {
        var store = stack.EventLog.Services.GetRequiredService<LogStore>();
        var subject = $"worker/{Guid.NewGuid()}";
        var records = Enumerable.Range(1, 1500).Select(n => new LogRecord(Guid.NewGuid(), Registered, "/services/worker-registry", subject,
            "21", n.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow, null, "personal", "{}")).ToList();
        var appended = await store.AppendAsync(records, default);
        using var ntt = stack.ClientFor("disnakertrans-ntt");

        using var page = await ntt.GetAsync($"/api/events?after={appended[0]!.Position - 1}&subject={subject}&limit={FeedEndpoints.MaxLimit}");

        page.EnsureSuccessStatusCode();
        Assert.Equal(records.Select(r => r.Id.ToString()), Parse(await page.Content.ReadAsByteArrayAsync()).Select(e => e.Id));
        Assert.Contains($"after={appended[^1]!.Position}&", page.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=5001", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("after=-1", "after")]
    [InlineData("type=worker-registered", "type")]
    [InlineData("province=NTT", "province")]
    public async Task A_malformed_query_is_a_400_naming_the_parameter(string query, string field)
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");

        using var response = await ntt.GetAsync($"/api/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_integrator_asking_beyond_its_agreement_is_refused_naming_what()
    {
        using var integrator = stack.ClientFor("integrator-demo");

        using var response = await integrator.GetAsync("/api/events?province=11");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("province", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task What_an_integrator_received_is_recorded_as_a_disclosure_under_its_agreement()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        using var integrator = stack.ClientFor("integrator-demo");
        using var secretariat = stack.ClientFor("agreement-secretariat");
        var id = await ntt.RegisterId(Workers.Minimal("Disclosed Fiktif"));
        var position = await Feeds.Logged(stack, $"worker/{id}");

        using var read = await integrator.GetAsync($"/api/events?after={position - 1}&limit=1");
        read.EnsureSuccessStatusCode();
        var own = await integrator.GetFromJsonAsync<JsonElement>("/api/events/disclosures");
        var audited = await secretariat.GetFromJsonAsync<JsonElement>("/api/events/disclosures?agency=integrator-demo");

        foreach (var list in new[] { own, audited })
        {
            var disclosure = list.EnumerateArray().Last(d => d.GetProperty("channel").GetString() == "pull"
                && d.GetProperty("positions").EnumerateArray().Any(p => p.GetInt64() == position));
            Assert.Equal("integrator-demo", disclosure.GetProperty("agency").GetString());
            Assert.Equal("Demonstration agreement (development only)", disclosure.GetProperty("agreement").GetString());
            Assert.False(disclosure.GetProperty("personalData").GetBoolean());
        }
    }

    private static List<CloudNative.CloudEvents.CloudEvent> Parse(byte[] batch) =>
        [.. new JsonEventFormatter().DecodeBatchModeMessage(batch, new System.Net.Mime.ContentType("application/cloudevents-batch+json"),
            [CloudNative.CloudEvents.CloudEventAttribute.CreateExtension("province", CloudNative.CloudEvents.CloudEventAttributeType.String)])];
}
