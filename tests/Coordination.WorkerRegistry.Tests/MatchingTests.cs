using Coordination.Eventing;
using Coordination.WorkerRegistry.Workers;

namespace Coordination.WorkerRegistry.Tests;

public class MatchingTests
{
    [Theory]
    [InlineData("Maria Goreti", "maria goreti")]
    [InlineData("  MARIA   Gorétti ", "maria goretti")]
    [InlineData("Maria-Goreti", "maria goreti")]
    [InlineData("Ma'ria Goreti.", "ma ria goreti")]
    public void A_name_key_ignores_case_diacritics_punctuation_and_spacing(string name, string key) =>
        Assert.Equal(key, Matching.NameKey(name));

    [Theory]
    [InlineData("+62 812-3456-7890", "081234567890")]
    [InlineData("0812 3456 7890", "081234567890")]
    [InlineData("(0380) 821234", "0380821234")]
    [InlineData("12345", null)]
    public void A_phone_key_is_the_digits_with_62_as_0(string phone, string? key) => Assert.Equal(key, Matching.PhoneKey(phone));

    [Theory]
    [InlineData("Yohanes Contoh", true)]
    [InlineData("Maria Goretti Ndoen-Lay", true)]
    [InlineData("Fransiskus Xaverius D'Costa", true)]
    [InlineData("Déwi Ayu", true)]
    [InlineData("Yоhanes", false)] // Cyrillic о among Latin letters
    [InlineData("Мария", false)]
    [InlineData("Yohanes\u0000", false)]
    [InlineData("Robert'); DROP TABLE workers;--", false)]
    [InlineData("<script>alert(1)</script>", false)]
    [InlineData("Agent 007", false)]
    [InlineData("", false)]
    public void A_name_is_Latin_letters_with_spaces_and_a_little_punctuation(string name, bool valid) =>
        Assert.Equal(valid, new Fields().Name("fullName", name, out _));

    [Fact]
    public void A_name_longer_than_200_characters_is_refused() =>
        Assert.False(new Fields().Name("fullName", new string('a', Fields.MaxNameLength + 1), out _));
}
