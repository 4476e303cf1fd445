using System.Diagnostics;

namespace Coordination.IntegrationTests.Infrastructure;

/// <summary>
/// Gateway clients whose calls carry a trace of the test's choosing, so that what a call left
/// behind (stored events, audit entries) can be found by its trace id.
/// </summary>
public static class Traced
{
    /// <param name="agency">null: no API key.</param>
    public static HttpClient Client(Uri gateway, string? agency, ActivityTraceId trace)
    {
        // No propagator: the test process's own instrumentation would replace the traceparent.
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = gateway };
        if (agency is not null) client.DefaultRequestHeaders.Add("X-Api-Key", $"dev-{agency}");
        client.DefaultRequestHeaders.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return client;
    }
}
