using System.Text;

namespace Coordination.WorkerRegistry.Workers;

/// <summary>Normal forms under which two records of one person match (probable duplicates).</summary>
public static class Matching
{
    /// <summary>
    /// Lower case, without diacritics, punctuation or repeated spaces: "Maria  Goreti" and
    /// "maria gorétti" differ, "Maria-Goreti" and "maria goreti" do not.
    /// </summary>
    public static string NameKey(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c)) key.Append(Plain.GetValueOrDefault(char.ToLowerInvariant(c), char.ToLowerInvariant(c)));
            else if (key.Length > 0 && key[^1] != ' ') key.Append(' ');
        }
        return key.ToString().TrimEnd();
    }

    /// <summary>
    /// Latin letters with diacritics and their plain letter. A table, not Unicode
    /// decomposition: the services run with invariant globalization, where String.Normalize
    /// leaves such letters as they are.
    /// </summary>
    private static readonly Dictionary<char, char> Plain = new (char Letter, string Variants)[]
        {
            ('a', "àáâãäåāăą"), ('c', "çćĉċč"), ('d', "ďđ"), ('e', "èéêëēĕėęě"), ('g', "ĝğġģ"), ('h', "ĥħ"),
            ('i', "ìíîïĩīĭįı"), ('j', "ĵ"), ('k', "ķ"), ('l', "ĺļľŀł"), ('n', "ñńņňŉ"), ('o', "òóôõöøōŏő"),
            ('r', "ŕŗř"), ('s', "śŝşš"), ('t', "ţťŧ"), ('u', "ùúûüũūŭůűų"), ('w', "ŵ"), ('y', "ýÿŷ"), ('z', "źżž"),
        }
        .SelectMany(p => p.Variants.Select(v => (v, p.Letter)))
        .ToDictionary(p => p.v, p => p.Letter);

    /// <summary>
    /// Digits only, with the country code 62 written as the trunk prefix 0, so that
    /// "+62 812-3456-7890" and "081234567890" match; null when too short to mean anything.
    /// </summary>
    public static string? PhoneKey(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("62", StringComparison.Ordinal)) digits = "0" + digits[2..];
        return digits.Length >= 8 ? digits : null;
    }
}
