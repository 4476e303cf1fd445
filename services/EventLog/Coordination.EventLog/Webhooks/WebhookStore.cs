using Coordination.EventLog.Log;
using Npgsql;
using NpgsqlTypes;

namespace Coordination.EventLog.Webhooks;

/// <summary>Registered endpoints and their deliveries (tables <c>event_log.webhooks</c>, <c>event_log.webhook_deliveries</c>).</summary>
public sealed class WebhookStore(NpgsqlDataSource dataSource)
{
    private const string WebhookColumns = "id, agency, agreement, url, secret, types, provinces, personal_data, registered_at";
    private const string DeliveryColumns = "id, webhook_id, position, status, attempts, next_attempt_at, last_error, last_attempt_at, replayed_by";

    public async Task RegisterAsync(Webhook w, CancellationToken ct)
    {
        await using var insert = dataSource.CreateCommand(
            $"insert into {LogSchema.Webhooks} ({WebhookColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        insert.Parameters.Add(new() { Value = w.Id });
        insert.Parameters.Add(new() { Value = w.Agency });
        insert.Parameters.Add(new() { Value = (object?)w.Agreement ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = w.Url });
        insert.Parameters.Add(new() { Value = w.Secret });
        insert.Parameters.Add(new() { Value = (object?)w.Types ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = (object?)w.Provinces ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = w.PersonalData });
        insert.Parameters.Add(new() { Value = w.RegisteredAt });
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Every endpoint, or one agency's.</summary>
    public async Task<IReadOnlyList<Webhook>> ListAsync(string? agency, CancellationToken ct)
    {
        await using var select = dataSource.CreateCommand(
            $"select {WebhookColumns} from {LogSchema.Webhooks} where $1::text is null or agency = $1 order by registered_at, id");
        select.Parameters.Add(new() { Value = (object?)agency ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return await Read(select, ReadWebhook, ct);
    }

    public async Task<bool> DeleteAsync(Guid id, string agency, CancellationToken ct)
    {
        await using var delete = dataSource.CreateCommand($"delete from {LogSchema.Webhooks} where id = $1 and agency = $2");
        delete.Parameters.Add(new() { Value = id });
        delete.Parameters.Add(new() { Value = agency });
        return await delete.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>A pending delivery per entry, once: following the log again after a crash adds nothing.</summary>
    public async Task ScheduleAsync(Guid webhook, IEnumerable<long> positions, DateTimeOffset now, CancellationToken ct)
    {
        await using var insert = dataSource.CreateCommand($"""
            insert into {LogSchema.Deliveries} (id, webhook_id, position, status, next_attempt_at)
            select gen_random_uuid(), $1, p, '{DeliveryStatus.Pending}', $3 from unnest($2::bigint[]) p
            on conflict (webhook_id, position) do nothing
            """);
        insert.Parameters.Add(new() { Value = webhook });
        insert.Parameters.Add(new() { Value = positions.ToArray() });
        insert.Parameters.Add(new() { Value = now });
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> due deliveries for a while (<paramref name="lease"/>):
    /// another instance skips them, and one this instance dies with comes due again.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var claim = dataSource.CreateCommand($"""
            update {LogSchema.Deliveries} set next_attempt_at = $2
            where id in (select id from {LogSchema.Deliveries} where status = '{DeliveryStatus.Pending}' and next_attempt_at <= $1
                         order by next_attempt_at, position limit $3 for update skip locked)
            returning {DeliveryColumns}
            """);
        claim.Parameters.Add(new() { Value = now });
        claim.Parameters.Add(new() { Value = now + lease });
        claim.Parameters.Add(new() { Value = limit });
        return await Read(claim, ReadDelivery, ct);
    }

    /// <summary>Records an attempt: delivered, or failed with a next attempt (null: given up).</summary>
    public async Task RecordAttemptAsync(Guid delivery, DateTimeOffset at, string? error, DateTimeOffset? next, CancellationToken ct)
    {
        var status = error is null ? DeliveryStatus.Delivered : next is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        await using var update = dataSource.CreateCommand($"""
            update {LogSchema.Deliveries} set status = $2, attempts = attempts + 1, last_attempt_at = $3, last_error = $4,
                next_attempt_at = coalesce($5, next_attempt_at)
            where id = $1
            """);
        update.Parameters.Add(new() { Value = delivery });
        update.Parameters.Add(new() { Value = status });
        update.Parameters.Add(new() { Value = at });
        update.Parameters.Add(new() { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        update.Parameters.Add(new() { Value = (object?)next ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await update.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<Delivery>> DeliveriesAsync(Guid webhook, string? status, CancellationToken ct)
    {
        await using var select = dataSource.CreateCommand($"""
            select {DeliveryColumns} from {LogSchema.Deliveries} where webhook_id = $1 and ($2::text is null or status = $2)
            order by position limit 1000
            """);
        select.Parameters.Add(new() { Value = webhook });
        select.Parameters.Add(new() { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return await Read(select, ReadDelivery, ct);
    }

    /// <summary>Sends a failed delivery again, from its first attempt.</summary>
    /// <returns>the delivery as it was, or null when the endpoint has none with that id.</returns>
    public async Task<Delivery?> ReplayAsync(Guid webhook, Guid delivery, string by, DateTimeOffset now, CancellationToken ct)
    {
        await using var replay = dataSource.CreateCommand($"""
            with old as (select {DeliveryColumns} from {LogSchema.Deliveries} where id = $2 and webhook_id = $1 for update),
                 replayed as (update {LogSchema.Deliveries} d set status = '{DeliveryStatus.Pending}', attempts = 0, next_attempt_at = $4,
                                  replayed_by = $3
                              from old where d.id = old.id and old.status = '{DeliveryStatus.Failed}')
            select {DeliveryColumns} from old
            """);
        replay.Parameters.Add(new() { Value = webhook });
        replay.Parameters.Add(new() { Value = delivery });
        replay.Parameters.Add(new() { Value = by });
        replay.Parameters.Add(new() { Value = now });
        return (await Read(replay, ReadDelivery, ct)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<T>> Read<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> row, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(row(reader));
        return rows;
    }

    private static Webhook ReadWebhook(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
        r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetFieldValue<string[]>(5), r.IsDBNull(6) ? null : r.GetFieldValue<string[]>(6),
        r.GetBoolean(7), r.GetFieldValue<DateTimeOffset>(8));

    private static Delivery ReadDelivery(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetInt64(2), r.GetString(3), r.GetInt32(4),
        r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetString(8));
}
