using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Coordination.EventLog.Access;
using Coordination.EventLog.Log;

namespace Coordination.EventLog.Feed;

/// <summary>Log entries as CloudEvents 1.0 in structured JSON, as a reader may receive them.</summary>
public static class LogCloudEvents
{
    public const string BatchContentType = "application/cloudevents-batch+json";
    public const string ContentType = "application/cloudevents+json";

    public static readonly JsonEventFormatter Formatter = new();

    public static readonly CloudEventAttribute[] Extensions =
    [
        CloudEventAttribute.CreateExtension("province", CloudEventAttributeType.String),
        CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String),
        CloudEventAttribute.CreateExtension("traceparent", CloudEventAttributeType.String),
        CloudEventAttribute.CreateExtension("dataclassification", CloudEventAttributeType.String),
        // Present (true) when personal values were nulled for this reader.
        CloudEventAttribute.CreateExtension("redacted", CloudEventAttributeType.Boolean),
    ];

    public static CloudEvent ToCloudEvent(LogEntry entry, bool personalData)
    {
        var r = entry.Record;
        var (data, redacted) = personalData ? (JsonDocument.Parse(r.Data).RootElement, false) : Redact(r);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, Extensions)
        {
            Id = r.Id.ToString(),
            Source = new Uri(r.Source, UriKind.Relative),
            Type = r.Type,
            Subject = r.Subject,
            Time = r.Time,
            DataContentType = MediaTypeNames.Application.Json,
            Data = data,
        };
        cloudEvent["province"] = r.Province;
        cloudEvent["sequence"] = r.Sequence;
        cloudEvent["dataclassification"] = r.DataClassification;
        if (r.TraceParent is not null) cloudEvent["traceparent"] = r.TraceParent;
        if (redacted) cloudEvent["redacted"] = true;
        return cloudEvent;
    }

    /// <summary>One entry in structured mode (stream, exchange, webhook).</summary>
    public static ReadOnlyMemory<byte> Structured(LogEntry entry, bool personalData) =>
        Formatter.EncodeStructuredModeMessage(ToCloudEvent(entry, personalData), out _);

    public static ReadOnlyMemory<byte> Batch(IEnumerable<LogEntry> entries, bool personalData) =>
        Formatter.EncodeBatchModeMessage(entries.Select(e => ToCloudEvent(e, personalData)), out _);

    private static (JsonElement Data, bool Redacted) Redact(LogRecord r)
    {
        var (data, redacted) = Redaction.Redact(r.Type, r.DataClassification, r.Data);
        return (JsonSerializer.SerializeToElement(data), redacted);
    }
}
