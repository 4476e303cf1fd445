namespace Coordination.Contracts.Tests;

public class RegionCatalogTests
{
    [Fact]
    public void The_extract_holds_every_province_and_the_regencies_and_districts_of_the_three_provinces()
    {
        string[] provinces = [Provinces.Kepri, Provinces.Ntt, Provinces.Kalbar];

        Assert.Equal("Kabupaten Kupang", RegionCatalog.NameOf("53.01"));
        Assert.Equal("Kupang Timur", RegionCatalog.NameOf("53.01.06"));
        Assert.Equal("Entikong", RegionCatalog.NameOf("61.03.21"));
        Assert.Equal("Papua Barat Daya", RegionCatalog.NameOf("96"));
        Assert.All(provinces, p => Assert.Equal("province", RegionCatalog.Find(p)?.Level));
    }

    [Theory]
    [InlineData("53.01.06", true)]
    [InlineData("53.01.06.2001", true)] // villages are not in the extract: their district is checked
    [InlineData("61.03.21", true)]
    [InlineData("53.01.01", false)] // 53.01 has no district 01
    [InlineData("53.99.01", false)]
    [InlineData("53.01", false)] // a regency is not precise enough for an origin
    [InlineData("53", false)]
    [InlineData("31.71.01", false)] // Jakarta's districts are not in the extract
    public void An_origin_is_a_known_district_or_a_village_in_one(string code, bool known)
    {
        Assert.True(RegionCode.TryParse(code, out var origin));

        Assert.Equal(known, RegionCatalog.IsKnownOrigin(origin));
    }

    [Theory]
    [InlineData("5301061203980001", true)]
    [InlineData("5301991203980001", true)] // the district of issue is not checked
    [InlineData("3171011203980001", true)] // Jakarta: only the province is in the extract
    [InlineData("5399011203980001", false)] // NTT has no regency 99
    [InlineData("9901011203980001", false)] // no province 99
    [InlineData("0001011203980001", false)]
    public void A_NIK_is_issued_in_a_known_province_and_where_listed_a_known_regency(string text, bool known)
    {
        Assert.True(Nik.TryParse(text, out var nik));

        Assert.Equal(known, RegionCatalog.IsKnownIssuingRegion(nik));
    }
}
