using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests.Access;

/// <summary>
/// The authorization table (<c>Access/routes.csv</c>) called through the gateway: each route as
/// each kind of agency, and without one.
/// </summary>
[Collection(StackCollection.Name)]
public class AuthorizationTableTests(CoordinationStack stack)
{
    private static Task<Dictionary<string, string>>? _records;
    private static readonly object Gate = new();

    public static IEnumerable<object[]> Calls() =>
        AuthorizationTable.Rows.SelectMany(r => r.Expected.Where(e => e.Value != "-").Select(e => new object[] { r.Method, r.Path, e.Key }));

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Each_route_answers_each_agency_as_the_table_says(string method, string path, string agency)
    {
        var row = AuthorizationTable.Rows.Single(r => r.Method == method && r.Path == path);
        var records = await Records();
        foreach (var (name, id) in records) path = path.Replace($"{{{name}}}", id, StringComparison.Ordinal);
        path = path.Replace("{random}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using var client = agency == AuthorizationTable.Anonymous ? new HttpClient { BaseAddress = stack.Gateway.Address } : stack.ClientFor(agency);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = new StringContent(row.Body ?? "{}", Encoding.UTF8, "application/json");

        // Headers suffice: the live stream never ends.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var status = (int)response.StatusCode;
        var expected = row.Expected[agency];
        var body = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? await response.Content.ReadAsStringAsync() : "";
        if (expected == "ok")
            Assert.True(status is not (401 or 403) and < 500, $"{method} {path} as {agency}: {status} {body}");
        else
            Assert.True(status == int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), $"{method} {path} as {agency}: {status}, not {expected} {body}");
    }

    [Fact]
    public async Task The_table_lists_every_route_of_the_public_API()
    {
        using var anonymous = new HttpClient { BaseAddress = stack.Gateway.Address };
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi.json");
        var mapped = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        var listed = AuthorizationTable.Rows.Select(r => $"{r.Method} {r.Route}").ToHashSet();

        Assert.Empty(mapped.Except(listed).Order());
    }

    /// <summary>A handover Kalbar asked of NTT, and a closed clearing period, made once for the table's rows.</summary>
    private Task<Dictionary<string, string>> Records()
    {
        lock (Gate) return _records ??= Create();

        async Task<Dictionary<string, string>> Create()
        {
            using var kalbar = stack.ClientFor("disnakertrans-kalbar");
            using var secretariat = stack.ClientFor("agreement-secretariat");
            var interception = await Costs.Intercept(kalbar, DateTimeOffset.UtcNow.AddHours(-2));
            var id = interception.GetProperty("id").GetString()!;
            var worker = interception.GetProperty("people")[0].GetProperty("workerId").GetString();
            using var handover = await kalbar.PostAsJsonAsync($"/api/interceptions/{id}/handovers",
                new { people = new[] { worker }, shelter = "Rumah Perlindungan Sementara Entikong" });
            if (handover.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException(await handover.Content.ReadAsStringAsync());
            const string period = "2001-01";
            using var closed = await secretariat.PostAsync($"/api/costs/periods/{period}/close", null);
            if (closed.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
                throw new InvalidOperationException(await closed.Content.ReadAsStringAsync());
            return new()
            {
                ["interception"] = id, ["handover"] = handover.Headers.Location!.ToString().Split('/')[^1], ["closed"] = period,
            };
        }
    }
}
