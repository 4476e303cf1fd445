using Coordination.ServiceDefaults;
using Npgsql;

namespace Coordination.Gateway;

/// <summary>
/// The gateway's own tables (schema <c>gateway</c>): idempotency keys and the audit trail, in
/// the database the services use (<c>ConnectionStrings:Postgres</c>). Plain Npgsql, no Marten:
/// the gateway keeps no event store.
/// </summary>
public static class GatewayDatabase
{
    public static WebApplicationBuilder AddGatewayDatabase(this WebApplicationBuilder builder)
    {
        // As the services connect: the same pool limit and settings, and PostgreSQL away is 503.
        builder.AddPostgres();
        builder.Services.AddHostedService<GatewaySchema>();
        return builder;
    }
}

/// <summary>Creates the gateway's tables before it takes traffic.</summary>
public sealed class GatewaySchema(NpgsqlDataSource db) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // One gateway instance at a time creates them: concurrent "if not exists" can still collide.
        await using var command = db.CreateCommand("""
            begin;
            select pg_advisory_xact_lock(hashtext('coordination-gateway-schema'));
            create schema if not exists gateway;
            create table if not exists gateway.idempotency_keys (
                agency text not null,
                key text not null,
                fingerprint bytea not null,
                expires_at timestamptz not null,
                status integer,
                headers jsonb,
                body bytea,
                primary key (agency, key)
            );
            create table if not exists gateway.audit (
                id bigint generated always as identity primary key,
                at timestamptz not null,
                agency text,
                method text not null,
                route text not null,
                path text not null,
                status integer not null,
                trace_id text,
                stream text
            );
            create index if not exists audit_agency_at on gateway.audit (agency, at);
            create index if not exists audit_at on gateway.audit (at);
            create or replace function gateway.audit_is_append_only() returns trigger language plpgsql as $$
            begin
                raise exception 'gateway.audit is append-only: % refused', tg_op;
            end $$;
            create or replace trigger audit_no_change before update or delete on gateway.audit
                for each row execute function gateway.audit_is_append_only();
            create or replace trigger audit_no_truncate before truncate on gateway.audit
                for each statement execute function gateway.audit_is_append_only();
            commit;
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
