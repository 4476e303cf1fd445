using System.Net.Http.Json;
using System.Text.Json;

namespace Coordination.IntegrationTests.Infrastructure;

/// <summary>The steps of a deceased worker's return, as a BP3MI office calls them through the gateway.</summary>
public static class Returns
{
    public static readonly string[] DocumentsForIllness = ["death-certificate", "consular-letter", "embalming-certificate", "flight-manifest"];

    /// <summary>A death report; <paramref name="deceased"/> is <c>{workerId}</c> or a person's details.</summary>
    public static object Report(object deceased, string cause = "illness", string proceduralStatus = "non-procedural",
        string diedOn = "2026-11-15", string country = "MY", string city = "Kuala Lumpur") => new
    {
        deceased, countryOfDeath = country, cityOfDeath = city, diedOn, cause, proceduralStatus, source = "consulate",
        familyContact = new { name = "Maria Rekaan", relation = "wife", phone = "+62 812 3456 7890" },
    };

    public static object Route(DateTimeOffset arrival) => new
    {
        carrier = "Garuda Indonesia Cargo", airWaybill = "126-12345675",
        legs = new[]
        {
            new { from = "KUL", to = "CGK", expectedArrival = Moment(arrival.AddHours(-6)) },
            new { from = "CGK", to = "KOE", expectedArrival = Moment(arrival) },
        },
    };

    /// <summary>Reports the death and answers the case's address.</summary>
    public static async Task<string> ReportCase(this HttpClient client, object report)
    {
        using var created = await client.PostAsJsonAsync("/api/deceased/cases", report);
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException(await created.Content.ReadAsStringAsync());
        return created.Headers.Location!.ToString();
    }

    public static async Task Step(this HttpClient client, string @case, string step, object body)
    {
        using var response = await client.PostAsJsonAsync($"{@case}/{step}", body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{step}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Receives and verifies each of <paramref name="documents"/>.</summary>
    public static async Task Documents(this HttpClient client, string @case, IEnumerable<string> documents)
    {
        foreach (var document in documents)
        {
            await client.Step(@case, $"documents/{document}/receipt", new { reference = $"NO-{document}" });
            await client.Step(@case, $"documents/{document}/verification", new { });
        }
    }

    public static async Task<JsonElement> Case(this HttpClient client, string @case) => await client.GetFromJsonAsync<JsonElement>(@case);

    public static string Moment(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
