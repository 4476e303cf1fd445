using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Coordination.Eventing;

/// <summary>Stream versions as HTTP entity tags: version 3 is <c>"3"</c>.</summary>
public static class Versions
{
    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// 428 when <c>If-Match</c> is absent: for changes made on what the caller last read
    /// (a correction, a merge), which must not silently overwrite what changed since.
    /// </summary>
    public static IResult? Required(HttpContext http) => http.Request.Headers.IfMatch.Count > 0
        ? null
        : Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
            detail: "Send If-Match with the ETag of the record as you read it.", extensions: new Dictionary<string, object?> { ["field"] = "If-Match" });

    /// <returns>false when If-Match is present but not one of our entity tags.</returns>
    public static bool TryReadIfMatch(HttpRequest request, out long? expected)
    {
        expected = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header)) return true;
        // Only one strong tag of ours: "*" and lists name no single version to check against.
        if (!EntityTagHeaderValue.TryParse(header, out var tag) || tag.IsWeak || tag.Tag.Length < 3) return false;
        if (!long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            return false;
        expected = v;
        return true;
    }
}
