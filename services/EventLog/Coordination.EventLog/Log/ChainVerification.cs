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
}
