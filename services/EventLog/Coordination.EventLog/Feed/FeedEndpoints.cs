using System.Globalization;
using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Coordination.EventLog.Log;
using Coordination.Eventing;

namespace Coordination.EventLog.Feed;

/// <summary>The log as CloudEvents 1.0, paged by position.</summary>
public static class FeedEndpoints
{
    public const int MaxLimit = 1000;
    private static readonly JsonEventFormatter Formatter = new();

    private static readonly CloudEventAttribute[] Extensions =
    [
        CloudEventAttribute.CreateExtension("province", CloudEventAttributeType.String),
        CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String),
        CloudEventAttribute.CreateExtension("traceparent", CloudEventAttributeType.String),
        CloudEventAttribute.CreateExtension("dataclassification", CloudEventAttributeType.String),
    ];

    public static void MapFeed(this WebApplication app) =>
        app.MapGet("/api/events", async (long? after, int? limit, LogStore store, HttpContext http) =>
            {
                var from = after ?? 0;
                var size = limit ?? 100;
                if (from < 0) return Problems.Malformed("after", "after is a position, 0 or more.");
                if (size is < 1 or > MaxLimit) return Problems.Malformed("limit", $"limit is 1 to {MaxLimit}.");

                var entries = await store.ReadAsync(from, size, http.RequestAborted);
                var next = entries.Count > 0 ? entries[^1].Position : from;
                http.Response.Headers.Link = $"</api/events?after={next}&limit={size}>; rel=\"next\"";
                var body = Formatter.EncodeBatchModeMessage(entries.Select(ToCloudEvent), out var contentType);
                return Results.Bytes(body.ToArray(), contentType.ToString());
            })
            .WithName("ReadEvents")
            .Produces(StatusCodes.Status200OK, contentType: "application/cloudevents-batch+json");

    public static CloudEvent ToCloudEvent(LogEntry entry)
    {
        var r = entry.Record;
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, Extensions)
        {
            Id = r.Id.ToString(),
            Source = new Uri(r.Source, UriKind.Relative),
            Type = r.Type,
            Subject = r.Subject,
            Time = r.Time,
            DataContentType = MediaTypeNames.Application.Json,
            Data = JsonDocument.Parse(r.Data).RootElement,
        };
        cloudEvent["province"] = r.Province;
        cloudEvent["sequence"] = r.Sequence;
        cloudEvent["dataclassification"] = r.DataClassification;
        if (r.TraceParent is not null) cloudEvent["traceparent"] = r.TraceParent;
        return cloudEvent;
    }
}
