using System.Text.Json.Nodes;
using Coordination.Contracts;
using Coordination.EventLog.Feed;
using Coordination.EventLog.Log;

namespace Coordination.EventLog.Tests;

/// <summary>The log's own CloudEvents writer says what the CloudEvents SDK's formatter says, for every golden example.</summary>
public class CloudEventEncodingTests
{
    public static TheoryData<string, bool> GoldensForEachReader()
    {
        var data = new TheoryData<string, bool>();
        foreach (var type in GoldenTypes()) data.Add(type, true);
        foreach (var type in GoldenTypes()) data.Add(type, false);
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldensForEachReader))]
    public void An_entry_is_written_as_the_SDK_formats_it(string type, bool personalData)
    {
        var entry = Entry(type, traceParent: "00-0fb9098feacb37f0661350779beda81a-6e28a4f125715864-01");

        var written = JsonNode.Parse(LogCloudEvents.Structured(entry, personalData).Span);
        var sdk = JsonNode.Parse(LogCloudEvents.Formatter.EncodeStructuredModeMessage(LogCloudEvents.ToCloudEvent(entry, personalData), out _).Span);

        Assert.True(JsonNode.DeepEquals(sdk, written), $"SDK: {sdk}\nwritten: {written}");
    }

    [Fact]
    public void A_batch_is_the_entries_in_order_and_an_entry_without_trace_has_no_traceparent()
    {
        var entries = GoldenTypes().Select(t => Entry(t, traceParent: null)).ToList();

        var batch = JsonNode.Parse(LogCloudEvents.Batch(entries, personalData: false).Span)!.AsArray();
        var sdk = JsonNode.Parse(LogCloudEvents.Formatter.EncodeBatchModeMessage(entries.Select(e => LogCloudEvents.ToCloudEvent(e, false)), out _).Span);

        Assert.True(JsonNode.DeepEquals(sdk, batch));
        Assert.All(batch, e => Assert.Null(e!["traceparent"]));
    }

    private static IEnumerable<string> GoldenTypes() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "golden"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order();

    private static LogEntry Entry(string type, string? traceParent)
    {
        var golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", type + ".json"));
        var contract = IntegrationEvents.All.Single(c => IntegrationEvents.CloudEventType(c) == type);
        var record = new LogRecord(Guid.NewGuid(), type, IntegrationEvents.Source(contract), "worker/" + Guid.NewGuid(), "53", "3",
            new DateTimeOffset(2026, 12, 1, 22, 18, 21, TimeSpan.Zero).AddTicks(8801660), traceParent,
            ContractJson.NameOf(IntegrationEvents.Classification(contract)), golden);
        return new LogEntry(7, record, DateTimeOffset.UtcNow, LogEntry.GenesisHash, LogEntry.GenesisHash);
    }
}
