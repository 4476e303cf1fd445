using Npgsql;

namespace Coordination.EventLog.Log;

/// <summary>
/// Hands every entry, in order, to <see cref="HandleAsync"/> and remembers how far it got
/// (table <c>event_log.cursors</c>), after the handler succeeded: at least once, never out of
/// order. Of several instances of the service, the one holding the follower's advisory lock
/// follows; the others wait to take over.
/// </summary>
public abstract class LogFollower(NpgsqlDataSource dataSource, LogStore store, LogAppended appended, ILogger logger) : BackgroundService
{
    private const int Batch = 256;

    protected abstract string Name { get; }

    protected abstract Task HandleAsync(IReadOnlyList<LogEntry> entries, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowWhileLeading(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The {Follower} follower failed; it resumes from its cursor.", Name);
            }
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task FollowWhileLeading(CancellationToken ct)
    {
        // The session lock lives as long as this connection: a crashed leader's goes with it.
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand("select pg_try_advisory_lock(hashtext($1))", connection))
        {
            lockCommand.Parameters.Add(new() { Value = "event_log.follower." + Name });
            if (await lockCommand.ExecuteScalarAsync(ct) is not true) return;
        }
        try
        {
            await FollowFromCursor(connection, ct);
        }
        finally
        {
            // Pooled connections are not reset on return (Postgres.Tuned): the lock must not stay
            // with an idle one, or the next attempt of this process would never lead again.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var unlock = new NpgsqlCommand("select pg_advisory_unlock_all()", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private async Task FollowFromCursor(NpgsqlConnection connection, CancellationToken ct)
    {
        var position = await Cursor(connection, ct);
        while (!ct.IsCancellationRequested)
        {
            var entries = await store.ReadAsync(position, Batch, ct);
            if (entries.Count == 0)
            {
                await appended.WaitAsync(TimeSpan.FromSeconds(1), ct);
                continue;
            }
            await HandleAsync(entries, ct);
            position = entries[^1].Position;
            await using var save = new NpgsqlCommand(
                $"insert into {LogSchema.Cursors} (name, position) values ($1, $2) on conflict (name) do update set position = excluded.position",
                connection);
            save.Parameters.Add(new() { Value = Name });
            save.Parameters.Add(new() { Value = position });
            await save.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<long> Cursor(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var select = new NpgsqlCommand($"select position from {LogSchema.Cursors} where name = $1", connection);
        select.Parameters.Add(new() { Value = Name });
        return await select.ExecuteScalarAsync(ct) as long? ?? 0;
    }
}
