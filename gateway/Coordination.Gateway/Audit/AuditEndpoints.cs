using System.Globalization;
using Coordination.ServiceDefaults;
using Npgsql;

namespace Coordination.Gateway.Audit;

public sealed record AuditEntry(long Id, DateTimeOffset At, string? Agency, string Method, string Route, string Path, int Status,
    string? TraceId, string? Stream);

/// <summary>
/// <c>GET /api/audit</c> for auditors (<c>audit:read</c>): the calls, oldest first, by agency and
/// time, paged by <c>after</c> (the last id seen). No route changes the trail, and the table
/// refuses updates and deletes.
/// </summary>
public static class AuditEndpoints
{
    public const string Policy = "audit";
    public const int MaxLimit = 1000;

    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddHostedService<AuditWriter>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireClaim(Agency.RoleClaim, Roles.AuditRead));
        return builder;
    }

    public static void MapAudit(this WebApplication app) =>
        app.MapGet("/api/audit", async (string? agency, string? from, string? to, long? after, int? limit, NpgsqlDataSource db,
                CancellationToken ct) =>
            {
                if (!Moment(from, out var since)) return Malformed("from");
                if (!Moment(to, out var until)) return Malformed("to");
                if (limit is < 1 or > MaxLimit) return Results.Problem(statusCode: 400, title: "Malformed request",
                    detail: $"limit is 1–{MaxLimit}.", extensions: new Dictionary<string, object?> { ["field"] = "limit" });
                await using var command = db.CreateCommand("""
                    select id, at, agency, method, route, path, status, trace_id, stream from gateway.audit
                    where ($1::text is null or agency = $1) and ($2::timestamptz is null or at >= $2)
                      and ($3::timestamptz is null or at < $3) and id > $4
                    order by id limit $5
                    """);
                command.Parameters.Add(new() { Value = (object?)agency ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                command.Parameters.Add(new() { Value = (object?)since ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
                command.Parameters.Add(new() { Value = (object?)until ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
                command.Parameters.Add(new() { Value = after ?? 0 });
                command.Parameters.Add(new() { Value = limit ?? 100 });
                var entries = new List<AuditEntry>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    entries.Add(new AuditEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), Text(reader, 2), reader.GetString(3),
                        reader.GetString(4), reader.GetString(5), reader.GetInt32(6), Text(reader, 7), Text(reader, 8)));
                return Results.Ok(entries);
            })
            .RequireAuthorization(Policy)
            .ExcludeFromDescription();

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static bool Moment(string? text, out DateTimeOffset? moment)
    {
        moment = null;
        if (text is null) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        moment = parsed;
        return true;
    }

    private static IResult Malformed(string field) => Results.Problem(statusCode: 400, title: "Malformed request",
        detail: $"{field} is a moment with its offset, such as 2026-11-22T14:30:00+07:00.",
        extensions: new Dictionary<string, object?> { ["field"] = field });
}
