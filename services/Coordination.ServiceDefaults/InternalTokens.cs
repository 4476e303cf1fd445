using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.ServiceDefaults;

/// <summary>
/// The short-lived JWT the gateway mints for each proxied call. Services trust nothing
/// else: no client header, no network position.
/// </summary>
public sealed class InternalTokenOptions
{
    public const string Section = "InternalToken";
    public const string Issuer = "coordination-gateway";

    /// <summary>
    /// Used only in the Development environment when none is configured, so that a fresh
    /// clone runs; any other environment must set <c>InternalToken:SigningKey</c>.
    /// </summary>
    private const string DevelopmentSigningKey = "development-only-internal-token-key-not-for-production-use";

    public string SigningKey { get; set; } = "";
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(60);

    public SymmetricSecurityKey Key => new(Encoding.UTF8.GetBytes(SigningKey));

    public static IServiceCollection Configure(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<InternalTokenOptions>()
            .Bind(configuration.GetSection(Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.SigningKey) && environment.IsDevelopment()) o.SigningKey = DevelopmentSigningKey;
            })
            .Validate(o => o.SigningKey.Length >= 32, $"{Section}:SigningKey must be set (at least 32 characters).")
            .ValidateOnStart();
        return services;
    }
}

/// <summary>Mints internal tokens; used by the gateway.</summary>
public sealed class InternalTokenIssuer(IOptions<InternalTokenOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(options.Value.Key, SecurityAlgorithms.HmacSha256);

    /// <param name="audience">the service the token is for; it refuses tokens for others.</param>
    public string Mint(Agency agency, string audience)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = InternalTokenOptions.Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(agency.ToClaims()),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.Lifetime,
            SigningCredentials = _credentials,
        });
    }
}

public static class InternalTokenAuthentication
{
    /// <summary>
    /// Every endpoint of the service requires a valid internal token for
    /// <paramref name="audience"/>, except those marked anonymous (health, OpenAPI).
    /// </summary>
    public static WebApplicationBuilder AddInternalTokenAuthentication(this WebApplicationBuilder builder, string audience)
    {
        InternalTokenOptions.Configure(builder.Services, builder.Configuration, builder.Environment);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<InternalTokenOptions>>((jwt, tokens) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = InternalTokenOptions.Issuer,
                    ValidAudience = audience,
                    IssuerSigningKey = tokens.Value.Key,
                    ClockSkew = TimeSpan.FromSeconds(5),
                    NameClaimType = Agency.IdClaim,
                    RoleClaimType = Agency.RoleClaim,
                };
                jwt.Events = new JwtBearerEvents().AnswerWithProblems(
                    "Services answer only calls that come through the gateway with a valid internal token.",
                    "Your agency does not hold the role this action needs.");
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(Agency.IdClaim).Build());
        return builder;
    }
}
