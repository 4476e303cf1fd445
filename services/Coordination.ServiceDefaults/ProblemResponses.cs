using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.ServiceDefaults;

/// <summary>
/// Answers written outside an endpoint (authentication, the gateway's own middleware) as
/// RFC 9457 problem details, through the same problem-details service as everything else.
/// </summary>
public static class ProblemResponses
{
    public static async Task Write(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    public static Task Unauthorized(HttpContext http, string detail) =>
        Write(http, StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static Task Forbidden(HttpContext http, string detail) =>
        Write(http, StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>A bearer scheme's 401 and 403 as problem details, with what each means for that scheme.</summary>
    public static JwtBearerEvents AnswerWithProblems(this JwtBearerEvents events, string unauthorized, string forbidden)
    {
        events.OnChallenge = context =>
        {
            context.HandleResponse();
            return Unauthorized(context.HttpContext, unauthorized);
        };
        events.OnForbidden = context => Forbidden(context.HttpContext, forbidden);
        return events;
    }
}
