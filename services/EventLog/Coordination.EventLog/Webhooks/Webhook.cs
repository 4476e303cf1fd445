using Coordination.EventLog.Access;
using Coordination.EventLog.Log;

namespace Coordination.EventLog.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The wait before the first retry; each further retry waits twice as long.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a delivery is failed (8 with the default wait: over an hour of retrying).</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>An endpoint an agency registered; it receives what its agency may read, narrowed by its own filters.</summary>
/// <param name="Agreement">the agency's data-sharing agreement when it registered (null: an agency of the agreement between the provinces).</param>
/// <param name="PersonalData">whether the agency could see personal data when it registered.</param>
public sealed record Webhook(Guid Id, string Agency, string? Agreement, string Url, string Secret, string[]? Types, string[]? Provinces,
    bool PersonalData, DateTimeOffset RegisteredAt)
{
    /// <summary>Whether the endpoint's own filters want the entry (the agency's agreement is checked apart).</summary>
    public bool Wants(LogEntry entry) =>
        entry.RecordedAt >= RegisteredAt && new LogFilter(Types, Provinces, null).Admits(entry.Record);

    public Reader? Reader(DataSharingOptions sharing) => Access.Reader.Current(Agency, Agreement, PersonalData, sharing);
}

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <summary>One entry for one endpoint; its id is the <c>webhook-id</c> of every attempt.</summary>
public sealed record Delivery(Guid Id, Guid WebhookId, long Position, string Status, int Attempts, DateTimeOffset NextAttemptAt,
    string? LastError, DateTimeOffset? LastAttemptAt, string? ReplayedBy);

/// <summary>The exponential backoff, pure.</summary>
public static class Backoff
{
    /// <returns>when to try again after <paramref name="attempts"/> failed attempts, or null when it is time to give up.</returns>
    public static DateTimeOffset? Next(DateTimeOffset now, int attempts, WebhookOptions options) =>
        attempts >= options.MaxAttempts ? null : now + options.FirstRetry * Math.Pow(2, attempts - 1);
}
