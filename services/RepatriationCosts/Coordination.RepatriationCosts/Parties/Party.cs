using Coordination.Contracts;
using Coordination.ServiceDefaults;

namespace Coordination.RepatriationCosts.Parties;

/// <summary>
/// The parties of the agreement who bear and settle costs: the three provincial governments
/// (acting through their labour offices) and the national agency BP2MI (acting through its
/// BP3MI offices).
/// </summary>
public enum Party
{
    Ntt,
    Kalbar,
    Kepri,
    Bp2mi,
}

public static class Parties
{
    public static Party? OfProvince(string? province) => province switch
    {
        Provinces.Ntt => Party.Ntt,
        Provinces.Kalbar => Party.Kalbar,
        Provinces.Kepri => Party.Kepri,
        _ => null,
    };

    /// <summary>The province code a party's data is filed under; BP2MI is national (empty).</summary>
    public static string ProvinceOf(Party party) => party switch
    {
        Party.Ntt => Provinces.Ntt,
        Party.Kalbar => Provinces.Kalbar,
        Party.Kepri => Provinces.Kepri,
        _ => "",
    };

    /// <summary>
    /// Whom an agency pays and answers for: a BP3MI office (id <c>bp3mi-…</c>) for BP2MI, any
    /// other agency holding <c>costs:write</c> for its own province's government. Null: nobody's.
    /// </summary>
    public static Party? ActingFor(Agency agency) =>
        !agency.Has(Roles.CostsWrite) ? null
        : agency.Id.StartsWith("bp3mi-", StringComparison.Ordinal) ? Party.Bp2mi
        : OfProvince(agency.Province);
}
