using Marten;

namespace Coordination.Eventing;

/// <summary>
/// A value only one stream may hold (a NIK, a licence number), kept as a document keyed by
/// kind and value. A projection inserts it in the same transaction as the event that takes
/// the value, so a second taker's save fails and its events roll back with it.
/// </summary>
public sealed record UniqueClaim(string Id, Guid Owner)
{
    public static string Key(string kind, string value) => $"{kind}/{value}";

    /// <summary>The stream holding <paramref name="value"/>, if any.</summary>
    public static async Task<Guid?> OwnerOf(IQuerySession session, string kind, string value, CancellationToken ct) =>
        (await session.LoadAsync<UniqueClaim>(Key(kind, value), ct))?.Owner;
}
