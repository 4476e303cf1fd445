using System.Net.Http.Json;

namespace Coordination.IntegrationTests.Infrastructure;

public static class Workers
{
    /// <summary>A minimal worker as the registry accepts it (no NIK: many can be registered).</summary>
    public static object Minimal(string fullName = "Maria Fiktif") =>
        new { fullName, sex = "female", birthDate = "2001-07-05", originRegion = "53.01.19" };

    public static Task<HttpResponseMessage> Register(this HttpClient client, object worker) =>
        client.PostAsJsonAsync("/api/registry/workers", worker);

    /// <summary>The CloudEvents subject of the worker a <c>201</c> created.</summary>
    public static string SubjectOf(HttpResponseMessage created) =>
        "worker/" + created.Headers.Location!.ToString().Split('/')[^1];
}
