using Npgsql;
using NpgsqlTypes;
using Coordination.EventLog.Access;

namespace Coordination.EventLog.Log;

/// <summary>
/// Appends to and reads the log. Appends are serialized by a transaction-scoped advisory
/// lock, so positions are gapless and a reader never sees position n+1 before n: pages
/// are stable. An event id already in the log is not appended again (the log's inbox).
/// </summary>
public sealed class LogStore(NpgsqlDataSource dataSource, TimeProvider clock, LogAppended appended)
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
        appended.Signal();
        return entry;
    }

    /// <summary>Entries after <paramref name="after"/> that pass <paramref name="filter"/>, in order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadAsync(long after, int limit, CancellationToken ct, LogFilter? filter = null)
    {
        filter ??= LogFilter.All;
        await using var command = dataSource.CreateCommand($"""
            select {Columns} from {LogSchema.Table}
            where position > $1 and ($3::text[] is null or type like any($3)) and ($4::text[] is null or province = '' or province = any($4))
                and ($5::text is null or subject = $5)
            order by position limit $2
            """);
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = limit });
        command.Parameters.Add(new() { Value = (object?)filter.Types?.Select(TypePatterns.ToLike).ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)filter.Provinces?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)filter.Subject ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return await ReadEntries(command, ct).ToListAsync(ct);
    }

    /// <summary>
    /// Recomputes the chain from the first entry: each entry's position follows the one
    /// before, its previous hash is that entry's hash, and its hash is what its fields give.
    /// </summary>
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot for the whole walk, however long the log, while appends go on.
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var command = new NpgsqlCommand($"select {Columns} from {LogSchema.Table} order by position", connection);
        var (expectedPosition, previousHash) = (1L, LogEntry.GenesisHash);
        await foreach (var entry in ReadEntries(command, ct))
        {
            var problem = entry.Position != expectedPosition ? $"position {expectedPosition} is missing"
                : !entry.PreviousHash.AsSpan().SequenceEqual(previousHash) ? "its previous hash is not the hash of the entry before"
                : !entry.Hash.AsSpan().SequenceEqual(LogEntry.HashOf(previousHash, entry.Position, entry.Record, entry.RecordedAt))
                    ? "its hash does not match its contents"
                : null;
            if (problem is not null) return new ChainVerification(false, expectedPosition - 1, Math.Min(entry.Position, expectedPosition), problem);
            (expectedPosition, previousHash) = (expectedPosition + 1, entry.Hash);
        }
        return new ChainVerification(true, expectedPosition - 1, null, null);
    }

    private static async IAsyncEnumerable<LogEntry> ReadEntries(NpgsqlCommand command,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var record = new LogRecord(reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9), reader.GetString(10));
            yield return new LogEntry(reader.GetInt64(0), record, reader.GetFieldValue<DateTimeOffset>(11),
                (byte[])reader[12], (byte[])reader[13]);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
