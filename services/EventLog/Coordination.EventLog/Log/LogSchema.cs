using Npgsql;

namespace Coordination.EventLog.Log;

/// <summary>Creates the log's table before the service takes traffic.</summary>
public sealed class LogSchema(NpgsqlDataSource dataSource) : IHostedService
{
    public const string Table = "event_log.entries";
    public const string Disclosures = "event_log.disclosures";
    public const string Cursors = "event_log.cursors";
    public const string Webhooks = "event_log.webhooks";
    public const string Deliveries = "event_log.webhook_deliveries";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            create schema if not exists event_log;
            create table if not exists {Table} (
                position bigint primary key,
                id uuid not null unique,
                type text not null,
                source text not null,
                subject text not null,
                province text not null,
                sequence text not null,
                time timestamptz not null,
                traceparent text,
                data_classification text not null,
                data text not null,
                recorded_at timestamptz not null,
                previous_hash bytea not null,
                hash bytea not null);
            create table if not exists {Disclosures} (
                id bigserial primary key,
                agency text not null,
                agreement text,
                channel text not null,
                positions bigint[] not null,
                personal_data boolean not null,
                disclosed_at timestamptz not null);
            create table if not exists {Cursors} (
                name text primary key,
                position bigint not null);
            create table if not exists {Webhooks} (
                id uuid primary key,
                agency text not null,
                agreement text,
                url text not null,
                secret text not null,
                types text[],
                provinces text[],
                personal_data boolean not null,
                registered_at timestamptz not null);
            create table if not exists {Deliveries} (
                id uuid primary key,
                webhook_id uuid not null references {Webhooks} (id) on delete cascade,
                position bigint not null,
                status text not null,
                attempts int not null default 0,
                next_attempt_at timestamptz not null,
                last_error text,
                last_attempt_at timestamptz,
                replayed_by text,
                unique (webhook_id, position));
            create index if not exists deliveries_due on {Deliveries} (next_attempt_at) where status = 'pending';
            create index if not exists disclosures_by_agency on {Disclosures} (agency, id);
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
