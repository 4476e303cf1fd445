namespace Coordination.EventLog.Log;

public static class VerifyEndpoint
{
    /// <summary>
    /// Any agency may check that the log has not been altered: the answer names positions,
    /// never contents. <c>./coordination verify</c> calls it.
    /// </summary>
    public static void MapVerify(this WebApplication app) =>
        app.MapGet("/api/events/verify", async (LogStore store, CancellationToken ct) => TypedResults.Ok(await store.VerifyAsync(ct)))
            .WithName("VerifyLog")
            .WithSummary("Recomputes the hash chain and reports the first broken position.");
}
