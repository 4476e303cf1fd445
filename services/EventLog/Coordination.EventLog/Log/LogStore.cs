using Npgsql;

namespace Coordination.EventLog.Log;

/// <summary>
/// Appends to and reads the log. Appends are serialized by a transaction-scoped advisory
/// lock, so positions are gapless and a reader never sees position n+1 before n: pages
/// are stable. An event id already in the log is not appended again (the log's inbox).
/// </summary>
public sealed class LogStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns =
        "position, id, type, source, subject, province, sequence, time, traceparent, data_classification, data, recorded_at, previous_hash, hash";

    /// <returns>the new entry, or null when the event was already in the log.</returns>
    public async Task<LogEntry?> AppendAsync(LogRecord record, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        await Execute(connection, "select pg_advisory_xact_lock(hashtext('event_log.append'))", ct);
        await using (var seen = new NpgsqlCommand($"select 1 from {LogSchema.Table} where id = $1", connection))
        {
            seen.Parameters.Add(new() { Value = record.Id });
            if (await seen.ExecuteScalarAsync(ct) is not null) return null;
        }

        var (position, previousHash) = (1L, LogEntry.GenesisHash);
        await using (var last = new NpgsqlCommand($"select position, hash from {LogSchema.Table} order by position desc limit 1", connection))
        await using (var reader = await last.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct)) (position, previousHash) = (reader.GetInt64(0) + 1, (byte[])reader[1]);
        }

        var stored = record with { Time = LogEntry.ToMicroseconds(record.Time) };
        var recordedAt = LogEntry.ToMicroseconds(clock.GetUtcNow());
        var entry = new LogEntry(position, stored, recordedAt, previousHash,
            LogEntry.HashOf(previousHash, position, stored, recordedAt));

        await using (var insert = new NpgsqlCommand(
            $"insert into {LogSchema.Table} ({Columns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)", connection))
        {
            object?[] values = [entry.Position, stored.Id, stored.Type, stored.Source, stored.Subject, stored.Province,
                stored.Sequence, stored.Time, stored.TraceParent, stored.DataClassification, stored.Data, recordedAt,
                previousHash, entry.Hash];
            foreach (var value in values) insert.Parameters.Add(new() { Value = value ?? DBNull.Value });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return entry;
    }

    /// <summary>Entries after <paramref name="after"/>, in order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadAsync(long after, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from {LogSchema.Table} where position > $1 order by position limit $2");
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<LogEntry>();
        while (await reader.ReadAsync(ct))
        {
            var record = new LogRecord(reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9), reader.GetString(10));
            entries.Add(new LogEntry(reader.GetInt64(0), record, reader.GetFieldValue<DateTimeOffset>(11),
                (byte[])reader[12], (byte[])reader[13]));
        }
        return entries;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
