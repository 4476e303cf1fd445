using Npgsql;
using NpgsqlTypes;

namespace Coordination.Gateway.Audit;

/// <summary>Writes the queued records to <c>gateway.audit</c> in batches (binary COPY), off the request path.</summary>
public sealed class AuditWriter(AuditTrail trail, NpgsqlDataSource db, ILogger<AuditWriter> log) : BackgroundService
{
    private const int MaxBatch = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditRecord>(MaxBatch);
        // Stopping completes the queue; what it still holds is written before the writer ends.
        stoppingToken.Register(trail.Complete);
        while (await trail.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && trail.Reader.TryRead(out var record)) batch.Add(record);
            await Write(batch, stoppingToken);
            batch.Clear();
        }
    }

    private async Task Write(List<AuditRecord> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(CancellationToken.None);
                await using var copy = await connection.BeginBinaryImportAsync(
                    "copy gateway.audit (at, agency, method, route, path, status, trace_id, stream) from stdin (format binary)");
                foreach (var r in batch)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(r.Agency, NpgsqlDbType.Text);
                    await copy.WriteAsync(r.Method, NpgsqlDbType.Text);
                    await copy.WriteAsync(r.Route, NpgsqlDbType.Text);
                    await copy.WriteAsync(r.Path, NpgsqlDbType.Text);
                    await copy.WriteAsync(r.Status, NpgsqlDbType.Integer);
                    await copy.WriteAsync(r.TraceId, NpgsqlDbType.Text);
                    await copy.WriteAsync(r.Stream, NpgsqlDbType.Text);
                }
                await copy.CompleteAsync();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The database away: keep the batch and try again, more slowly; on shutdown, give up after a few.
                log.LogWarning(e, "Could not write {Count} audit records (attempt {Attempt}).", batch.Count, attempt);
                if (stoppingToken.IsCancellationRequested && attempt >= 3) return;
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)), CancellationToken.None);
            }
        }
    }
}
