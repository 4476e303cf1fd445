using System.Security.Claims;
using System.Text.Encodings.Web;
using Coordination.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Coordination.Gateway;

/// <summary>Authenticates agency clients by the <c>X-Api-Key</c> header (bearer tokens: <see cref="OidcAuthentication"/>).</summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptionsMonitor<GatewayOptions> gateway, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var key) || string.IsNullOrEmpty(key))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (gateway.CurrentValue.FindByKey(key.ToString(), clock.GetUtcNow()) is not { } client)
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));

        var identity = new ClaimsIdentity(client.ToAgency().ToClaims(), SchemeName, Agency.IdClaim, Agency.RoleClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemResponses.Unauthorized(Context, $"Send a valid API key as {Header}.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.Forbidden(Context, "Your agency may not use this route.");
}

public static class AgencyAuthentication
{
    /// <summary>Route policy for agency routes; <c>anonymous</c> is YARP's own for open ones.</summary>
    public const string AgencyPolicy = "agency";

    public static WebApplicationBuilder AddAgencyAuthentication(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.Services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection("Gateway"))
            // Development keys are public knowledge: whatever the settings say, only Development honours them.
            .PostConfigure(o => o.DevelopmentKeys &= environment.IsDevelopment())
            .Validate(o => o.Agencies.All(a => AgencyClient.Kinds.Contains(a.Kind)),
                $"Every agency's Kind is one of {string.Join(", ", AgencyClient.Kinds)}.")
            .Validate(o => o.Agencies.SelectMany(a => a.ApiKeys).All(k => k.Sha256.Length == 64 && k.Sha256.All(char.IsAsciiHexDigit)),
                "Every ApiKeys entry's Sha256 is the 64 hex digits of the key's SHA-256.")
            .ValidateOnStart();
        builder.Services.AddAuthentication(OidcAuthentication.SelectorScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddOidc(builder.Configuration);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AgencyPolicy, p => p.RequireAuthenticatedUser().RequireClaim(Agency.IdClaim));
        InternalTokenOptions.Configure(builder.Services, builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<InternalTokenIssuer>();
        return builder;
    }
}
