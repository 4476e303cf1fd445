using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Coordination.Gateway.Idempotency;

/// <summary>What a key holds: the request it was first used for and, once answered, the answer.</summary>
public sealed record KeyUse(byte[] Fingerprint, int? Status, Dictionary<string, string> Headers, byte[] Body);

/// <summary>The table <c>gateway.idempotency_keys</c>: one row per (agency, key) until it expires.</summary>
public sealed class IdempotencyStore(NpgsqlDataSource db)
{
    /// <summary>
    /// Takes the key for a request (new, or expired), or answers what holds it already.
    /// Null: taken. The conflict clause makes two racing requests agree on one owner.
    /// </summary>
    public async Task<KeyUse?> Reserve(string agency, string key, byte[] fingerprint, DateTimeOffset now, DateTimeOffset expires,
        CancellationToken ct)
    {
        while (true)
        {
            await using (var reserve = db.CreateCommand("""
                insert into gateway.idempotency_keys (agency, key, fingerprint, expires_at) values ($1, $2, $3, $4)
                on conflict (agency, key) do update
                    set fingerprint = excluded.fingerprint, expires_at = excluded.expires_at, status = null, headers = null, body = null
                    where gateway.idempotency_keys.expires_at <= $5
                returning 1
                """))
            {
                reserve.Parameters.Add(new() { Value = agency });
                reserve.Parameters.Add(new() { Value = key });
                reserve.Parameters.Add(new() { Value = fingerprint });
                reserve.Parameters.Add(new() { Value = expires });
                reserve.Parameters.Add(new() { Value = now });
                if (await reserve.ExecuteScalarAsync(ct) is not null) return null;
            }

            await using var read = db.CreateCommand(
                "select fingerprint, status, headers::text, body from gateway.idempotency_keys where agency = $1 and key = $2");
            read.Parameters.Add(new() { Value = agency });
            read.Parameters.Add(new() { Value = key });
            await using var row = await read.ExecuteReaderAsync(ct);
            // Released between the two statements (its request failed): try to take it again.
            if (!await row.ReadAsync(ct)) continue;
            return new KeyUse(
                (byte[])row[0],
                row.IsDBNull(1) ? null : row.GetInt32(1),
                row.IsDBNull(2) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString(2))!,
                row.IsDBNull(3) ? [] : (byte[])row[3]);
        }
    }

    public async Task Complete(string agency, string key, int status, Dictionary<string, string> headers, byte[] body, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "update gateway.idempotency_keys set status = $3, headers = $4, body = $5 where agency = $1 and key = $2");
        command.Parameters.Add(new() { Value = agency });
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(headers), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = body });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Frees a key whose request got no answer worth repeating (5xx, aborted), so that a retry runs again.</summary>
    public async Task Release(string agency, string key)
    {
        await using var command = db.CreateCommand("delete from gateway.idempotency_keys where agency = $1 and key = $2 and status is null");
        command.Parameters.Add(new() { Value = agency });
        command.Parameters.Add(new() { Value = key });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async Task DeleteExpired(DateTimeOffset now, CancellationToken ct)
    {
        await using var command = db.CreateCommand("delete from gateway.idempotency_keys where expires_at <= $1");
        command.Parameters.Add(new() { Value = now });
        await command.ExecuteNonQueryAsync(ct);
    }
}
