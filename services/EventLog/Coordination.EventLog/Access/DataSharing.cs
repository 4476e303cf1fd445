namespace Coordination.EventLog.Access;

/// <summary>
/// An integrator's data-sharing agreement, configured in the event log under
/// <c>DataSharing:Agreements:&lt;agency-id&gt;</c>: what the agency may receive, by any path.
/// </summary>
public sealed class DataSharingAgreement
{
    /// <summary>The agreement's name as signed, e.g. <c>PKS 12/2026 Universitas Nusa Cendana</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Province codes whose entries it may receive.</summary>
    public List<string> Provinces { get; set; } = [];

    /// <summary>CloudEvents types it may receive: exact, or a prefix ending in <c>.*</c>, or <c>*</c> for all.</summary>
    public List<string> EventTypes { get; set; } = [];

    /// <summary>
    /// Whether the agreement covers personal data. The agency must also hold <c>pii:read</c>
    /// at the gateway: both the agreement and the role must allow it.
    /// </summary>
    public bool PersonalData { get; set; }
}

public sealed class DataSharingOptions
{
    public const string Section = "DataSharing";

    public Dictionary<string, DataSharingAgreement> Agreements { get; set; } = [];
}

/// <summary>Matches CloudEvents types against an agreement's patterns.</summary>
public static class TypePatterns
{
    public static bool Matches(string pattern, string type) =>
        pattern == "*" || (pattern.EndsWith(".*", StringComparison.Ordinal)
            ? type.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : pattern == type);

    /// <summary>Whether one of <paramref name="granted"/> covers <paramref name="requested"/> (itself a type or a pattern).</summary>
    public static bool Covers(IEnumerable<string> granted, string requested) => granted.Any(g => Matches(g, requested));

    /// <summary>As a PostgreSQL <c>like</c> pattern (types hold no <c>%</c> or <c>_</c>).</summary>
    public static string ToLike(string pattern) => pattern.EndsWith('*') ? pattern[..^1] + "%" : pattern;
}
