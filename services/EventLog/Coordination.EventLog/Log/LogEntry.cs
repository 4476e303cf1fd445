using System.Security.Cryptography;
using System.Text.Json;

namespace Coordination.EventLog.Log;

/// <summary>What the log holds of one integration event, before it has a position.</summary>
public sealed record LogRecord(
    Guid Id,
    string Type,
    string Source,
    string Subject,
    string Province,
    string Sequence,
    DateTimeOffset Time,
    string? TraceParent,
    string DataClassification,
    string Data);

/// <summary>A stored entry: its global position and its link in the hash chain.</summary>
public sealed record LogEntry(long Position, LogRecord Record, DateTimeOffset RecordedAt, byte[] PreviousHash, byte[] Hash)
{
    public static readonly byte[] GenesisHash = new byte[32];

    /// <summary>SHA-256 over the previous entry's hash and this entry's canonical bytes.</summary>
    public static byte[] HashOf(byte[] previousHash, long position, LogRecord r, DateTimeOffset recordedAt)
    {
        // A JSON array of the fields in a fixed order: unambiguous and the same on every machine.
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            position, r.Id, r.Type, r.Source, r.Subject, r.Province, r.Sequence,
            r.Time.UtcDateTime.ToString("O"), recordedAt.UtcDateTime.ToString("O"), r.TraceParent,
            r.DataClassification, r.Data,
        });
        return SHA256.HashData([.. previousHash, .. canonical]);
    }

    /// <summary>PostgreSQL keeps microseconds: hash only what survives the round trip.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}
