namespace Coordination.Contracts.Tests;

public class ValueTypeTests
{
    [Theory]
    [InlineData("5301061203980001", true)]
    [InlineData("530106120398000", false)]
    [InlineData("53010612039800011", false)]
    [InlineData("53010612039800x1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_NIK_is_16_ASCII_digits(string? text, bool valid) => Assert.Equal(valid, Nik.TryParse(text, out _));

    [Fact]
    public void A_NIK_encodes_a_mans_birth_date_as_DDMMYY()
    {
        Nik.TryParse("5301061203980001", out var nik);

        Assert.True(nik.Encodes(new DateOnly(1998, 3, 12), Sex.Male));
        Assert.False(nik.Encodes(new DateOnly(1998, 3, 12), Sex.Female));
        Assert.Equal("53", nik.IssuingProvince);
    }

    [Fact]
    public void A_NIK_encodes_a_womans_birth_day_plus_40()
    {
        Nik.TryParse("6103214507010003", out var nik);

        Assert.True(nik.Encodes(new DateOnly(2001, 7, 5), Sex.Female));
    }

    [Theory]
    [InlineData("53", true)]
    [InlineData("53.01", true)]
    [InlineData("53.01.06", true)]
    [InlineData("53.01.06.2001", true)]
    [InlineData("53.1", false)]
    [InlineData("53.01.06.", false)]
    [InlineData("5301", false)]
    [InlineData("53.01.06\n", false)]
    [InlineData("5\u0663.01", false)]
    public void A_region_code_has_the_dotted_Kemendagri_shape(string text, bool valid) =>
        Assert.Equal(valid, RegionCode.TryParse(text, out _));

    [Fact]
    public void A_region_code_knows_its_province()
    {
        RegionCode.TryParse("61.03.21", out var entikong);

        Assert.Equal(Provinces.Kalbar, entikong.Province);
    }

    [Theory]
    [InlineData("2026-11-23T15:59:59Z", "2026-11-23")]
    [InlineData("2026-11-23T16:00:00Z", "2026-11-24")] // midnight in Kupang
    [InlineData("2026-11-24T00:30:00+07:00", "2026-11-24")] // half past midnight in Pontianak
    public void The_offices_day_is_the_date_in_WITA(string moment, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            Wita.DayOf(DateTimeOffset.Parse(moment, System.Globalization.CultureInfo.InvariantCulture)));
}
