using System.Security.Claims;
using System.Security.Cryptography;
using Coordination.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Gateway;

/// <summary>
/// OpenID Connect bearer tokens from one issuer (Keycloak or any standard one), section
/// <c>Gateway:Oidc</c>. The token says who the client is (<see cref="AgencyClaim"/>); what
/// it may do comes from the agency's configuration, as for an API key.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Gateway:Oidc";

    /// <summary>The issuer (<c>iss</c>), e.g. https://sso.example.go.id/realms/coordination. Unset: no bearer tokens.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Where the issuer's metadata and keys are; default: the issuer.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience (<c>aud</c>) tokens must be for.</summary>
    public string Audience { get; set; } = "coordination-gateway";

    /// <summary>The claim naming the agency (its id in <c>Gateway:Agencies</c>); Keycloak's client id is <c>azp</c>.</summary>
    public string AgencyClaim { get; set; } = "azp";

    /// <summary>The issuer's public keys as PEM, instead of fetching its metadata (offline, and tests).</summary>
    public List<string> SigningKeys { get; set; } = [];

    public bool Enabled => Issuer.Length > 0;
}

public static class OidcAuthentication
{
    public const string SchemeName = "Oidc";

    /// <summary>Picks the scheme per request: a bearer token without an API key goes to OIDC (when configured), anything else to the API key.</summary>
    public const string SelectorScheme = "Agency";

    public static AuthenticationBuilder AddOidc(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        // An API key wins: the gateway drops whatever bearer token comes with it.
        authentication.AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = http =>
            oidc.Enabled && !http.Request.Headers.ContainsKey(ApiKeyHandler.Header)
                         && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? SchemeName
                : ApiKeyHandler.SchemeName);
        if (!oidc.Enabled) return authentication;

        return authentication.AddJwtBearer(SchemeName, jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.Authority = oidc.Authority ?? oidc.Issuer;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = oidc.Issuer,
                ValidAudience = oidc.Audience,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (oidc.SigningKeys.Count > 0)
            {
                // Keys given: no metadata is fetched.
                jwt.Configuration = new OpenIdConnectConfiguration { Issuer = oidc.Issuer };
                jwt.TokenValidationParameters.IssuerSigningKeys = oidc.SigningKeys.Select(PublicKey).ToList();
            }
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var agencies = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue;
                    var id = context.Principal?.FindFirstValue(oidc.AgencyClaim);
                    if (agencies.Agencies.Find(a => a.Id == id) is not { } agency)
                    {
                        context.Fail($"The token's {oidc.AgencyClaim} names no configured agency.");
                        return Task.CompletedTask;
                    }
                    context.Principal = new ClaimsPrincipal(new ClaimsIdentity(agency.ToAgency().ToClaims(), SchemeName, Agency.IdClaim, Agency.RoleClaim));
                    return Task.CompletedTask;
                },
            }.AnswerWithProblems(
                "The bearer token is not valid here (issuer, audience, lifetime, signature or agency).",
                "Your agency may not use this route.");
        });
    }

    private static SecurityKey PublicKey(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa);
    }
}
