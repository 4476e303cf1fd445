namespace Coordination.Contracts;

/// <summary>
/// The 16-digit national identity number: 6 digits of the region where it was issued,
/// 6 digits of the birth date as DDMMYY with 40 added to the day for women, 4 digits of
/// serial. The region prefix is where the NIK was issued, never the person's origin.
/// </summary>
public readonly record struct Nik
{
    public string Value { get; }

    private Nik(string value) => Value = value;

    public static bool TryParse(string? text, out Nik nik)
    {
        nik = default;
        if (text is not { Length: 16 } || !text.All(char.IsAsciiDigit)) return false;
        nik = new Nik(text);
        return true;
    }

    /// <summary>Province code of the issuing region (first two digits).</summary>
    public string IssuingProvince => Value[..2];

    /// <summary>Whether digits 7–12 encode this birth date and sex.</summary>
    public bool Encodes(DateOnly birthDate, Sex sex)
    {
        var day = birthDate.Day + (sex == Sex.Female ? 40 : 0);
        return Value.AsSpan(6, 6).SequenceEqual($"{day:00}{birthDate.Month:00}{birthDate.Year % 100:00}");
    }

    public override string ToString() => Value;
}

public enum Sex
{
    Male,
    Female,
}
