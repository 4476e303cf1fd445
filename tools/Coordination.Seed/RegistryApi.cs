using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Seed;

public sealed record ApiResponse(HttpStatusCode Status, Uri? Location, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The id a Location names: its last path segment (the gateway may answer it relative or absolute).</summary>
    public Guid? LocationId =>
        Location is null ? null
        : Guid.TryParse(Location.OriginalString.TrimEnd('/').Split('/')[^1], out var id) ? id : null;
}

/// <summary>The registry's HTTP API through the gateway, as one agency, with retries on what is safe to retry.</summary>
public sealed class RegistryApi : IDisposable
{
    private const int Attempts = 5;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Optional fields (phone, familyContact) are left out rather than sent as null.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient http;

    public RegistryApi(Uri gateway, string apiKey, int connections)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, ConnectTimeout = TimeSpan.FromSeconds(5) };
        http = new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public Task<ApiResponse> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<ApiResponse> PostAsync(string path, object body, CancellationToken ct) => SendAsync(HttpMethod.Post, path, body, ct);

    /// <summary>
    /// Retries only where the request cannot have been carried out: no connection, or 503 (and
    /// the gateway's 502/504, its way of saying the service is not there). A timeout or a dropped
    /// response is left to the caller, which reads the state back before trying again.
    /// </summary>
    private async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(method, path);
                if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
                using var response = await http.SendAsync(request, ct);
                var result = new ApiResponse(response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync(ct));
                if (attempt < Attempts && result.Status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
                {
                    await Backoff(attempt, ct);
                    continue;
                }
                return result;
            }
            catch (HttpRequestException e) when (attempt < Attempts && e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                await Backoff(attempt, ct);
            }
        }
    }

    private static Task Backoff(int attempt, CancellationToken ct) => Task.Delay(TimeSpan.FromMilliseconds(200 * (1 << attempt)), ct);

    public void Dispose() => http.Dispose();
}
