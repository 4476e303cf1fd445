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
}
