using System.Globalization;
using Coordination.Contracts;
using Microsoft.AspNetCore.Http;

namespace Coordination.Eventing;

/// <summary>
/// Reads request fields sent as strings, so that a bad one is named in a 400. Each reader
/// returns false and sets <see cref="Problem"/> when the field is malformed.
/// </summary>
public sealed class Fields
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 500;

    public IResult? Problem { get; private set; }

    public delegate bool Reader<T>(string field, string? text, out T value);

    /// <summary>A field that may be absent: null when absent, or when malformed (then <see cref="Problem"/> says so).</summary>
    public T? Optional<T>(string field, string? text, Reader<T> read) where T : struct =>
        text is not null && read(field, text, out var value) ? value : null;

    /// <inheritdoc cref="Optional{T}"/>
    public string? OptionalText(string field, string? text, Reader<string> read) =>
        text is not null && read(field, text, out var value) ? value : null;

    /// <summary>Free text that may be absent (see <see cref="Text"/>).</summary>
    public string? OptionalText(string field, string? text, int maxLength = MaxTextLength) =>
        text is not null && Text(field, text, out var value, maxLength) ? value : null;

    /// <summary>
    /// The elements of a list of objects; a JSON <c>null</c> in it is malformed (400 naming it),
    /// rather than a crash further on.
    /// </summary>
    public IReadOnlyList<T> Each<T>(string field, IReadOnlyList<T>? items) where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
            if (items![i] is null)
            {
                Bad($"{field}[{i}]", $"{field}[{i}] is an object, not null.");
                return [];
            }
        return items ?? [];
    }

    private bool Bad(string field, string detail)
    {
        Problem ??= Problems.Malformed(field, detail);
        return false;
    }

    /// <summary>A person's or company's name: Latin letters (Indonesian names are written in Latin script).</summary>
    public bool Name(string field, string? text, out string name)
    {
        name = text?.Trim() ?? "";
        return name.Length is > 0 and <= MaxNameLength && name.All(IsNameCharacter)
               || Bad(field, $"{field} is 1–{MaxNameLength} Latin letters, spaces and . , ' - (no other scripts, digits or control characters).");
    }

    /// <summary>Free text such as a reason or a job: printable, bounded.</summary>
    public bool Text(string field, string? text, out string value, int maxLength = MaxTextLength)
    {
        value = text?.Trim() ?? "";
        return value.Length is > 0 && value.Length <= maxLength && !value.Any(char.IsControl)
               || Bad(field, $"{field} is 1–{maxLength} characters without control characters.");
    }

    public bool Date(string field, string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        || Bad(field, $"{field} is a date as YYYY-MM-DD.");

    /// <summary>A moment with its offset, ISO 8601 (2026-11-22T14:30:00+07:00).</summary>
    public bool Moment(string field, string? text, out DateTimeOffset moment) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out moment)
        || (text is not null && text.EndsWith('Z') && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out moment))
        || Bad(field, $"{field} is a moment with its offset, such as 2026-11-22T14:30:00+07:00.");

    public bool Sex(string field, string? text, out Sex sex) => Choice(field, text, out sex);

    public bool Region(string field, string? text, out RegionCode region) =>
        RegionCode.TryParse(text, out region) || Bad(field, $"{field} is a Kemendagri region code such as 53.01.06.");

    public bool Nik(string field, string? text, out Nik nik) =>
        Contracts.Nik.TryParse(text, out nik) && EncodesAPossibleBirthDate(nik.Value)
        || Bad(field, "A NIK is 16 digits: region, birth date (day + 40 for women) as DDMMYY, serial.");

    private static bool EncodesAPossibleBirthDate(string nik)
    {
        var day = int.Parse(nik.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(nik.AsSpan(8, 2), CultureInfo.InvariantCulture);
        return day is (>= 1 and <= 31) or (>= 41 and <= 71) && month is >= 1 and <= 12;
    }

    /// <summary>A phone number as people write it: digits, with +, spaces, dashes, brackets.</summary>
    public bool Phone(string field, string? text, out string phone)
    {
        phone = text?.Trim() ?? "";
        return phone.Length is >= 6 and <= 25 && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')
                                             && phone.Count(char.IsAsciiDigit) >= 8
               || Bad(field, $"{field} is a phone number such as +62 812 3456 7890.");
    }

    public bool Guid(string field, string? text, out Guid id) =>
        System.Guid.TryParse(text, out id) || Bad(field, $"{field} is a UUID.");

    /// <summary>ISO 3166-1 alpha-2, such as MY or SG.</summary>
    public bool Country(string field, string? text, out string country)
    {
        country = text ?? "";
        return country is [>= 'A' and <= 'Z', >= 'A' and <= 'Z'] || Bad(field, $"{field} is an ISO 3166-1 alpha-2 country code such as MY.");
    }

    /// <summary>One of an enum's JSON names (kebab-case), as everywhere else in the API.</summary>
    public bool Choice<T>(string field, string? text, out T value) where T : struct, Enum
    {
        value = default;
        foreach (var candidate in Enum.GetValues<T>())
            if (ContractJson.NameOf(candidate) == text) return Set(candidate, out value);
        return Bad(field, $"{field} is one of {string.Join(", ", Enum.GetValues<T>().Select(ContractJson.NameOf))}.");
    }

    private static bool Set<T>(T value, out T target)
    {
        target = value;
        return true;
    }

    private static bool IsNameCharacter(char c) =>
        c is ' ' or '.' or ',' or '\'' or '-'
        || char.IsAsciiLetter(c)
        // Latin-1 letters, Latin Extended-A/B and Latin Extended Additional: À…ÿ (not × ÷), Ā…ɏ, Ḁ…ỿ.
        || (c is >= '\u00C0' and <= '\u024F' && c is not '\u00D7' and not '\u00F7')
        || c is >= '\u1E00' and <= '\u1EFF';
}
