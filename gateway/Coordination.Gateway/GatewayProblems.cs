namespace Coordination.Gateway;

/// <summary>The gateway's own answers (401, 403, 409, 413, 422, 429…) as RFC 9457 problem details.</summary>
public static class GatewayProblems
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
