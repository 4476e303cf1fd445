using System.Text.RegularExpressions;

namespace Coordination.Contracts;

/// <summary>
/// A Kemendagri region code in dotted form: province <c>53</c>, regency <c>53.01</c>,
/// district <c>53.01.06</c>, village <c>53.01.06.2001</c>. Whether the code exists is
/// checked against reference data by the registry, not here.
/// </summary>
public readonly partial record struct RegionCode
{
    public string Value { get; }
    public string Province => Value[..2];

    private RegionCode(string value) => Value = value;

    public static bool TryParse(string? text, out RegionCode code)
    {
        code = default;
        if (text is null || !Shape().IsMatch(text)) return false;
        code = new RegionCode(text);
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
