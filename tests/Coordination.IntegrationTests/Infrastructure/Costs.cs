using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Coordination.IntegrationTests.Infrastructure;

public static class Costs
{
    /// <summary>
    /// The sharing rules the cost tests assume, in force from 2020: shelter and the ship home
    /// by the intercepting province until the handover is accepted, by the origin province from then on.
    /// Set once per run; a second call finds them set (409).
    /// </summary>
    public static async Task EnsureAgreement(HttpClient secretariat)
    {
        object Rule(string category, string phase, string bearer) => new { category, phase, shares = new[] { new { bearer, percent = 100 } } };
        using var response = await secretariat.PostAsJsonAsync("/api/costs/agreement/rules", new
        {
            effectiveFrom = "2020-01-01",
            rules = new[]
            {
                Rule("shelter-night", "before-acceptance", "intercepting-province"), Rule("shelter-night", "from-acceptance", "origin-province"),
                Rule("transport-ship", "before-acceptance", "intercepting-province"), Rule("transport-ship", "from-acceptance", "origin-province"),
                Rule("remains-transport", "procedural-return", "national-agency"), Rule("remains-transport", "non-procedural-return", "origin-province"),
            },
        });
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
            throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Kalbar records the interception at Entikong of a new NTT worker (by details); answers the interception.</summary>
    public static async Task<JsonElement> Intercept(HttpClient kalbar, DateTimeOffset at)
    {
        using var response = await kalbar.PostAsJsonAsync("/api/interceptions", new
        {
            exitPoint = "PLBN-ENTIKONG", destinationCountry = "MY", interceptedAt = at.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'"),
            people = new[] { new { fullName = "Maria Biaya Fiktif", sex = "female", birthDate = "2001-07-05", originRegion = "53.01.19" } },
            reasons = new[] { new { code = "no-documents" } },
        });
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
