namespace Coordination.Contracts;

/// <summary>
/// Which Kemendagri region codes exist, and their names, from the reference extract shipped
/// in this assembly (Reference/regions.csv: every province; regencies and districts of
/// Kepri, NTT and Kalbar; no villages).
/// </summary>
public static class RegionCatalog
{
    public sealed record Region(string Code, string Level, string Name, string? Parent);

    private static readonly Dictionary<string, Region> Regions = Load();

    /// <summary>Provinces whose regencies and districts the extract lists.</summary>
    private static readonly HashSet<string> DetailedProvinces =
        Regions.Values.Where(r => r.Level == "regency").Select(r => r.Parent!).ToHashSet();

    public static Region? Find(string code) => Regions.GetValueOrDefault(code);

    public static string? NameOf(string code) => Find(code)?.Name;

    /// <summary>The districts under a province or regency code, in code order.</summary>
    public static IReadOnlyList<Region> DistrictsUnder(string code) =>
        [.. Regions.Values.Where(r => r.Level == "district" && r.Code.StartsWith(code + ".", StringComparison.Ordinal))
            .OrderBy(r => r.Code, StringComparer.Ordinal)];

    /// <summary>
    /// Whether a person's origin is a district known to the extract, or a village code in
    /// one (villages are not in the extract, so only their district is checked).
    /// </summary>
    public static bool IsKnownOrigin(RegionCode origin) =>
        origin.Value.Length >= 8 && Find(origin.Value[..8]) is { Level: "district" };

    /// <summary>
    /// Whether the 6-digit prefix of a NIK names a real issuing region: its province must be
    /// known and, where the extract lists that province's regencies, its regency too. The
    /// district is not checked: a NIK keeps the district of issue after districts are split
    /// and renumbered, so an old district code is still a real NIK.
    /// </summary>
    public static bool IsKnownIssuingRegion(Nik nik)
    {
        var province = nik.Value[..2];
        if (Find(province) is not { Level: "province" }) return false;
        return !DetailedProvinces.Contains(province) || Find($"{province}.{nik.Value[2..4]}") is not null;
    }

    private static Dictionary<string, Region> Load() => Reference.Rows("regions.csv")
        .Select(f => new Region(f[0], f[1], f[2], f[3].Length == 0 ? null : f[3]))
        .ToDictionary(r => r.Code, StringComparer.Ordinal);
}
