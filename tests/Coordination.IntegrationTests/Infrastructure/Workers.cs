using System.Net.Http.Json;
using System.Text.Json;

namespace Coordination.IntegrationTests.Infrastructure;

public static class Workers
{
    private static int _serial = Random.Shared.Next(1000, 8000);

    /// <summary>A minimal worker as the registry accepts it (no NIK: many can be registered).</summary>
    public static object Minimal(string fullName = "Maria Fiktif", string origin = "53.01.19") =>
        new { fullName, sex = "female", birthDate = "2001-07-05", originRegion = origin };

    /// <summary>A NIK issued in Kupang Timur that encodes this birth date, unique within the run.</summary>
    public static string NewNik(DateOnly birth, bool female) =>
        $"530106{birth.Day + (female ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}{Interlocked.Increment(ref _serial):0000}";

    /// <summary>A man born on 12 March 1998 with a NIK of his own.</summary>
    public static object WithNik(string fullName, string origin = "53.01.06", object? familyContact = null)
    {
        var birth = new DateOnly(1998, 3, 12);
        return new
        {
            nik = NewNik(birth, female: false), fullName, sex = "male", birthDate = "1998-03-12", originRegion = origin,
            phone = "+62 812 0000 1111", familyContact, source = "ltsa-registration",
        };
    }

    public static Task<HttpResponseMessage> Register(this HttpClient client, object worker) =>
        client.PostAsJsonAsync("/api/registry/workers", worker);

    /// <summary>Registers and answers the new worker's id.</summary>
    public static async Task<Guid> RegisterId(this HttpClient client, object worker)
    {
        using var created = await client.Register(worker);
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException(await created.Content.ReadAsStringAsync());
        return Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
    }

    public static async Task<JsonElement> Worker(this HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/registry/workers/{id}");

    /// <summary>The CloudEvents subject of the worker a <c>201</c> created.</summary>
    public static string SubjectOf(HttpResponseMessage created) =>
        "worker/" + created.Headers.Location!.ToString().Split('/')[^1];

    /// <summary>A placement company licensed from 2020 to 2030; answers its id.</summary>
    public static async Task<Guid> RegisterCompany(this HttpClient client, string licenceNumber, string from = "2020-01-01",
        string until = "2030-12-31")
    {
        using var created = await client.PostAsJsonAsync("/api/registry/companies", new
        {
            name = $"PT Contoh {licenceNumber} (fiktif)", licenceNumber, licenceValidFrom = from, licenceValidUntil = until,
            headOfficeRegion = "31", headOfficeAddress = "Jl. Contoh 1, Jakarta", kupangRepresentativeOffice = true,
        });
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException(await created.Content.ReadAsStringAsync());
        return Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
    }
}
