using System.Security.Claims;

namespace Coordination.ServiceDefaults;

/// <summary>
/// The agency behind a call (a provincial labour office, a BP3MI office, an integrator…),
/// as the gateway authenticated it and the internal token carries it.
/// </summary>
public sealed record Agency(string Id, string Province, IReadOnlyList<string> Roles)
{
    public const string IdClaim = "agency";
    public const string ProvinceClaim = "province";
    public const string RoleClaim = "role";

    public bool Has(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public IEnumerable<Claim> ToClaims() =>
        [new(IdClaim, Id), new(ProvinceClaim, Province), .. Roles.Select(r => new Claim(RoleClaim, r))];

    public static Agency From(ClaimsPrincipal user) => new(
        user.FindFirstValue(IdClaim) ?? throw new InvalidOperationException("The caller has no agency claim."),
        user.FindFirstValue(ProvinceClaim) ?? "",
        user.FindAll(RoleClaim).Select(c => c.Value).ToArray());
}
