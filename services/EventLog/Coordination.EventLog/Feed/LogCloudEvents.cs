using System.Buffers;
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
    public static ReadOnlyMemory<byte> Structured(LogEntry entry, bool personalData)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, entry, personalData);
        return buffer.WrittenMemory;
    }

    public static ReadOnlyMemory<byte> Batch(IReadOnlyList<LogEntry> entries, bool personalData)
    {
        // Sized for the whole page up front (its data plus about 400 bytes of attributes an
        // entry): a page of thousands of entries would otherwise grow the buffer by doubling,
        // copying it each time.
        long estimate = 2;
        foreach (var entry in entries) estimate += entry.Record.Data.Length + 400;
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(estimate, Array.MaxLength));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var entry in entries) Write(writer, entry, personalData);
            writer.WriteEndArray();
        }
        return buffer.WrittenMemory;
    }

    /// <summary>
    /// Writes what <see cref="Formatter"/> writes for <see cref="ToCloudEvent"/>, the same members
    /// in the same order, without building the CloudEvent and a parsed copy of its data: a
    /// reader's whole-log replay spent most of its time there. Data a reader may see whole is
    /// copied as stored.
    /// </summary>
    private static void Write(Utf8JsonWriter writer, LogEntry entry, bool personalData)
    {
        var r = entry.Record;
        writer.WriteStartObject();
        writer.WriteString("specversion", "1.0");
        writer.WriteString("id", r.Id);
        writer.WriteString("source", r.Source);
        writer.WriteString("type", r.Type);
        writer.WriteString("subject", r.Subject);
        writer.WriteString("time", CloudEventsSpecVersion.V1_0.TimeAttribute.Format(r.Time));
        writer.WriteString("datacontenttype", MediaTypeNames.Application.Json);
        writer.WriteString("province", r.Province);
        writer.WriteString("sequence", r.Sequence);
        writer.WriteString("dataclassification", r.DataClassification);
        if (r.TraceParent is not null) writer.WriteString("traceparent", r.TraceParent);
        if (personalData)
        {
            writer.WritePropertyName("data");
            writer.WriteRawValue(r.Data, skipInputValidation: true);
        }
        else
        {
            var (data, redacted) = Redaction.Redact(r.Type, r.DataClassification, r.Data);
            if (redacted) writer.WriteBoolean("redacted", true);
            writer.WritePropertyName("data");
            if (data is null) writer.WriteNullValue();
            else data.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    private static (JsonElement Data, bool Redacted) Redact(LogRecord r)
    {
        var (data, redacted) = Redaction.Redact(r.Type, r.DataClassification, r.Data);
        return (JsonSerializer.SerializeToElement(data), redacted);
    }
}
