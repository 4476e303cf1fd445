using Coordination.EventLog.Log;
using Npgsql;

namespace Coordination.EventLog.Access;

/// <summary>The paths by which entries leave the log.</summary>
public static class Channels
{
    public const string Pull = "pull";
    public const string Stream = "stream";
    public const string Exchange = "exchange";
    public const string Webhook = "webhook";
}

/// <summary>One disclosure: which entries an agency received, how, when, and whether with personal data.</summary>
public sealed record Disclosure(long Id, string Agency, string? Agreement, string Channel, long[] Positions, bool PersonalData,
    DateTimeOffset DisclosedAt);

/// <summary>
/// Records every disclosure before the entries go out (a failed send may so be recorded
/// without having reached the agency: the record errs towards more, never less).
/// </summary>
public sealed class Disclosures(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task RecordAsync(Reader reader, string channel, IReadOnlyCollection<LogEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        await using var insert = dataSource.CreateCommand(
            $"insert into {LogSchema.Disclosures} (agency, agreement, channel, positions, personal_data, disclosed_at) values ($1, $2, $3, $4, $5, $6)");
        object?[] values = [reader.Agency, reader.Agreement, channel, entries.Select(e => e.Position).ToArray(), reader.PersonalData, clock.GetUtcNow()];
        foreach (var value in values) insert.Parameters.Add(new() { Value = value ?? DBNull.Value });
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Disclosures after <paramref name="after"/> (an id), oldest first; to one agency, or to all when null.</summary>
    public async Task<IReadOnlyList<Disclosure>> ReadAsync(string? agency, long after, int limit, CancellationToken ct)
    {
        await using var select = dataSource.CreateCommand($"""
            select id, agency, agreement, channel, positions, personal_data, disclosed_at from {LogSchema.Disclosures}
            where id > $1 and ($2::text is null or agency = $2) order by id limit $3
            """);
        select.Parameters.Add(new() { Value = after });
        select.Parameters.Add(new() { Value = (object?)agency ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        select.Parameters.Add(new() { Value = limit });
        await using var reader = await select.ExecuteReaderAsync(ct);
        var found = new List<Disclosure>();
        while (await reader.ReadAsync(ct))
            found.Add(new Disclosure(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetFieldValue<long[]>(4), reader.GetBoolean(5), reader.GetFieldValue<DateTimeOffset>(6)));
        return found;
    }
}
