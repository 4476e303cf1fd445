using Microsoft.AspNetCore.Http;

namespace Coordination.Eventing;

/// <summary>RFC 9457 problem details for the outcomes every service shares.</summary>
public static class Problems
{
    public static IResult For(DomainError error) => error switch
    {
        Missing m => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: m.Title, detail: m.Detail),
        NotYours n => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: n.Title, detail: n.Detail),
        StateConflict c => Conflict(c.Detail, c.Title),
        RuleBroken r => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: r.Title,
            detail: r.Detail, extensions: new Dictionary<string, object?> { ["field"] = r.Field }),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    public static IResult Conflict(string detail, string title = "Conflict with the current state") =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>409 for a value another record already holds, with that record's <c>Location</c>.</summary>
    public static IResult AlreadyHeld(HttpContext http, string location, string detail)
    {
        http.Response.Headers.Location = location;
        return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already registered", detail: detail,
            extensions: new Dictionary<string, object?> { ["existing"] = location });
    }

    public static IResult Stale() => Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Stale version", detail: "If-Match does not match the current version; read the record again.");

    public static IResult Malformed(string field, string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Malformed request", detail: detail,
        extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>
    /// 400 for an empty or <c>null</c> body where the endpoint reads an object: a generic request
    /// type reaches the handler as null then, rather than being refused by the framework.
    /// </summary>
    public static IResult NoBody() => Malformed("body", "The request body is a JSON object.");

    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
