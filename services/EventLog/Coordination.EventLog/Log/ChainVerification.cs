namespace Coordination.EventLog.Log;

/// <summary>What recomputing the hash chain found.</summary>
/// <param name="Intact">every entry checked out.</param>
/// <param name="Verified">how many entries, from position 1, checked out.</param>
/// <param name="FirstBrokenPosition">the first position that did not, when one did not.</param>
/// <param name="Problem">what was wrong with it.</param>
public sealed record ChainVerification(bool Intact, long Verified, long? FirstBrokenPosition, string? Problem);

/// <summary>Which entries a read wants; null means any. Types are patterns (<see cref="Access.TypePatterns"/>).</summary>
public sealed record LogFilter(IReadOnlyCollection<string>? Types, IReadOnlyCollection<string>? Provinces, string? Subject)
{
    public static readonly LogFilter All = new(null, null, null);

    /// <summary>
    /// Whether an entry passes, for the paths that are not queries (LogStore.ReadAsync is the same
    /// in SQL). An entry of no one province (the sharing rules, a clearing period between all
    /// parties) is the whole agreement's, and so every province's.
    /// </summary>
    public bool Admits(LogRecord r) =>
        (Types is null || Access.TypePatterns.Covers(Types, r.Type))
        && (Provinces is null || r.Province.Length == 0 || Provinces.Contains(r.Province, StringComparer.Ordinal))
        && (Subject is null || Subject == r.Subject);
}
