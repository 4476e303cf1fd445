using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests;

/// <summary>Search, statistics and who sees personal data, through the gateway.</summary>
[Collection(StackCollection.Name)]
public sealed class RegistryReadTests(CoordinationStack stack) : IDisposable
{
    private readonly HttpClient _ntt = stack.ClientFor("disnakertrans-ntt");
    private readonly HttpClient _integrator = stack.ClientFor("integrator-demo");

    [Fact]
    public async Task Search_finds_by_normalised_name_origin_and_status_in_pages()
    {
        var tag = RandomName();
        foreach (var (name, origin) in new[] { ($"Maria {tag}", "53.10.01"), ($"Máría {tag}", "53.10.03"), ($"Yosef {tag}", "53.10.01") })
            await _ntt.RegisterId(Workers.Minimal(name, origin));

        var byName = await Page($"/api/registry/workers?name=maria%20{tag}");
        var byOrigin = await Page($"/api/registry/workers?name={tag}&origin=53.10.01&status=prospective&pageSize=1&page=2");

        Assert.Equal(2, byName.GetProperty("total").GetInt64());
        Assert.Equal(2, byOrigin.GetProperty("total").GetInt64());
        var second = Assert.Single(byOrigin.GetProperty("items").EnumerateArray());
        Assert.Equal($"Yosef {tag}", second.GetProperty("fullName").GetString()); // ordered by name: Maria, then Yosef
    }

    [Theory]
    [InlineData("/api/registry/workers?status=abroad", "status")]
    [InlineData("/api/registry/workers?origin=Kupang", "origin")]
    [InlineData("/api/registry/workers?pageSize=1000", "pageSize")]
    [InlineData("/api/registry/statistics?region=99", "region")]
    [InlineData("/api/registry/statistics?from=yesterday", "from")]
    public async Task Bad_query_parameters_are_400_naming_the_parameter(string url, string field)
    {
        using var response = await _ntt.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Statistics_count_departures_by_origin_district_and_year_and_workers_by_status()
    {
        // Kabupaten Alor (53.05): no other test registers workers there.
        var company = await _ntt.RegisterCompany($"STATS-{Guid.NewGuid():N}");
        var departures = new[] { ("53.05.01", "2024-02-01"), ("53.05.01", "2024-07-01"), ("53.05.02", "2025-01-15") };
        foreach (var (origin, day) in departures)
        {
            var id = await _ntt.RegisterId(Workers.WithNik("Statistik Fiktif", origin));
            using var departed = await _ntt.PostAsJsonAsync($"/api/registry/workers/{id}/departures",
                new { companyId = company, destinationCountry = "HK", job = "domestic worker", departedOn = day });
            departed.EnsureSuccessStatusCode();
        }
        await _ntt.RegisterId(Workers.WithNik("Statistik Tinggal", "53.05.02"));

        var stats = await _integrator.GetFromJsonAsync<JsonElement>("/api/registry/statistics?region=53.05");
        var in2024 = await _integrator.GetFromJsonAsync<JsonElement>("/api/registry/statistics?region=53.05&from=2024-01-01&to=2024-12-31");

        Assert.Equal("Kabupaten Alor", stats.GetProperty("regionName").GetString());
        Assert.Equal(4, stats.GetProperty("workers").GetInt64());
        Assert.Equal(3, stats.GetProperty("byStatus").GetProperty("departed").GetInt64());
        Assert.Equal(1, stats.GetProperty("byStatus").GetProperty("prospective").GetInt64());
        var d = stats.GetProperty("departures");
        Assert.Equal(3, d.GetProperty("total").GetInt64());
        Assert.Equal([("53.05.01", 2L), ("53.05.02", 1L)], Counts(d.GetProperty("byDistrict")));
        Assert.Equal([(2024, 2L), (2025, 1L)], d.GetProperty("byYear").EnumerateArray()
            .Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("count").GetInt64())));
        Assert.Equal(2, in2024.GetProperty("departures").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_integrator_without_pii_read_sees_no_name_NIK_birth_date_phone_or_family_contact()
    {
        var family = new { name = "Agustina Fiktif", relation = "mother", phone = "+62 812 7777 0002" };
        var worker = Workers.WithNik("Rahasia Fiktif", familyContact: family);
        var id = await _ntt.RegisterId(worker);
        var nik = JsonSerializer.SerializeToElement(worker).GetProperty("nik").GetString();

        using var read = await _integrator.GetAsync($"/api/registry/workers/{id}");
        using var byNik = await _integrator.GetAsync($"/api/registry/workers/by-nik/{nik}");
        using var byName = await _integrator.GetAsync("/api/registry/workers?name=rahasia");
        var listed = await _integrator.GetFromJsonAsync<JsonElement>("/api/registry/workers?origin=53.01.06&pageSize=200");

        var body = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        foreach (var secret in new[] { "Rahasia", nik!, "1998-03-12", "7777", "Agustina" }) Assert.DoesNotContain(secret, body);
        Assert.Equal(["fullName", "nik", "birthDate", "phone", "familyContact"],
            JsonDocument.Parse(body).RootElement.GetProperty("redacted").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, byNik.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byName.StatusCode);
        Assert.DoesNotContain("Rahasia", listed.GetRawText());

        var asOfficer = await _ntt.GetFromJsonAsync<JsonElement>($"/api/registry/workers/by-nik/{nik}");
        Assert.Equal(id, asOfficer.GetProperty("id").GetGuid());
        Assert.Equal("Agustina Fiktif", asOfficer.GetProperty("familyContact").GetProperty("name").GetString());
    }

    private async Task<JsonElement> Page(string url) => await _ntt.GetFromJsonAsync<JsonElement>(url);

    private static (string, long)[] Counts(JsonElement regions) =>
        [.. regions.EnumerateArray().Select(r => (r.GetProperty("code").GetString()!, r.GetProperty("count").GetInt64()))];

    /// <summary>A made-up surname of Latin letters only, unique to one test.</summary>
    private static string RandomName() => "Uji" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray());

    public void Dispose()
    {
        _ntt.Dispose();
        _integrator.Dispose();
    }
}
