using Npgsql;
using NpgsqlTypes;
using Coordination.EventLog.Access;

namespace Coordination.EventLog.Log;

/// <summary>
/// Appends to and reads the log. Appends are serialized by a transaction-scoped advisory
/// lock, so positions are gapless and a reader never sees position n+1 before n: pages
/// are stable. An event id already in the log is not appended again (the log's inbox).
/// </summary>
public sealed class LogStore(NpgsqlDataSource dataSource, TimeProvider clock, LogAppended signal)
{
    private const string Columns =
        "position, id, type, source, subject, province, sequence, time, traceparent, data_classification, data, recorded_at, previous_hash, hash";

    /// <returns>the new entry, or null when the event was already in the log.</returns>
    public async Task<LogEntry?> AppendAsync(LogRecord record, CancellationToken ct) => (await AppendAsync([record], ct))[0];

    /// <summary>
    /// Appends <paramref name="records"/> in their order in one transaction: one lock, one
    /// dedupe query for all, the chain carried on in memory from the last entry, one insert.
    /// </summary>
    /// <returns>for each record, its new entry, or null when its id was already in the log (or earlier in the batch).</returns>
    public async Task<IReadOnlyList<LogEntry?>> AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        // The lock, the dedupe and the chain's end in one round trip.
        await using var before = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("select pg_advisory_xact_lock(hashtext('event_log.append'))"),
                new($"select id from {LogSchema.Table} where id = any($1)") { Parameters = { new() { Value = records.Select(r => r.Id).ToArray() } } },
                new($"select position, hash from {LogSchema.Table} order by position desc limit 1"),
            },
        };
        var seen = new HashSet<Guid>();
        var (position, previousHash) = (1L, LogEntry.GenesisHash);
        await using (var reader = await before.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct)) seen.Add(reader.GetGuid(0));
            await reader.NextResultAsync(ct);
            if (await reader.ReadAsync(ct)) (position, previousHash) = (reader.GetInt64(0) + 1, (byte[])reader[1]);
        }

        var recordedAt = LogEntry.ToMicroseconds(clock.GetUtcNow());
        var entries = new LogEntry?[records.Count];
        var appended = new List<LogEntry>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (!seen.Add(records[i].Id)) continue;
            var stored = records[i] with { Time = LogEntry.ToMicroseconds(records[i].Time) };
            var entry = new LogEntry(position, stored, recordedAt, previousHash, LogEntry.HashOf(previousHash, position, stored, recordedAt));
            (entries[i], position, previousHash) = (entry, position + 1, entry.Hash);
            appended.Add(entry);
        }
        if (appended.Count == 0) return entries;

        await using (var insert = new NpgsqlCommand($"""
            insert into {LogSchema.Table} ({Columns})
            select * from unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::timestamptz[], $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::bytea[], $14::bytea[])
            """, connection))
        {
            T[] Each<T>(Func<LogEntry, T> field) => [.. appended.Select(field)];
            insert.Parameters.Add(new() { Value = Each(e => e.Position) });
            insert.Parameters.Add(new() { Value = Each(e => e.Record.Id) });
            insert.Parameters.Add(new() { Value = Each(e => e.Record.Type) });
            insert.Parameters.Add(new() { Value = Each(e => e.Record.Source) });
            insert.Parameters.Add(new() { Value = Each(e => e.Record.Subject) });
            insert.Parameters.Add(new() { Value = Each(e => e.Record.Province) });
            insert.Parameters.Add(new() { Value = Each(e => e.Record.Sequence) });
            insert.Parameters.Add(new() { Value = Each(e => e.Record.Time) });
            insert.Parameters.Add(new() { Value = Each(e => e.Record.TraceParent), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = Each(e => e.Record.DataClassification) });
            insert.Parameters.Add(new() { Value = Each(e => e.Record.Data) });
            insert.Parameters.Add(new() { Value = Each(e => e.RecordedAt) });
            insert.Parameters.Add(new() { Value = Each(e => e.PreviousHash), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            insert.Parameters.Add(new() { Value = Each(e => e.Hash), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        signal.Signal();
        return entries;
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

}
