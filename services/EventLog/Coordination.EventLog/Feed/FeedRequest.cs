using System.Text.RegularExpressions;
using Coordination.EventLog.Access;
using Coordination.EventLog.Log;
using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Coordination.EventLog.Feed;

/// <summary>
/// The reader behind a call and the filter it asks for (<c>type</c>, <c>province</c>,
/// <c>subject</c>, each repeatable or comma-separated), shared by the pull feed and the stream.
/// </summary>
public static partial class FeedRequest
{
    public static IResult? Resolve(HttpContext http, out Reader reader, out LogFilter filter)
    {
        filter = LogFilter.All;
        var sharing = http.RequestServices.GetRequiredService<IOptionsMonitor<DataSharingOptions>>().CurrentValue;
        reader = Reader.For(Agency.From(http.User), sharing)!;
        if (reader is null) return NoAgreement();

        var query = http.Request.Query;
        var subject = query["subject"].ToString() is { Length: > 0 } s ? s : null;
        var requested = new LogFilter(Values(query["type"]), Values(query["province"]), subject);
        if (Check(requested) is { } malformed) return malformed;
        var (narrowed, beyond) = reader.Narrow(requested);
        if (beyond is not null) return Beyond(reader, beyond);
        filter = narrowed!;
        return null;
    }

    /// <summary>400 naming the first type or province that is not one.</summary>
    public static IResult? Check(LogFilter requested)
    {
        // A webhook's JSON lists may hold a null, which no pattern matches.
        foreach (var type in requested.Types ?? [])
            if (type is null || !TypeShape().IsMatch(type))
                return Problems.Malformed("type", $"'{type}' is not a CloudEvents type (coordination.<service>.<event>.v<N>) or a prefix ending in .*.");
        foreach (var province in requested.Provinces ?? [])
            if (province is null || !ProvinceShape().IsMatch(province))
                return Problems.Malformed("province", $"'{province}' is not a two-digit province code.");
        return null;
    }

    public static IResult NoAgreement() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No data-sharing agreement",
            detail: "Your agency reads the log under a data-sharing agreement, and none is configured for it.");

    public static IResult Beyond(Reader reader, string field) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Beyond your data-sharing agreement",
            detail: $"Your agreement '{reader.Agreement}' does not cover every {field} you asked for.",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    private static string[]? Values(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null
            : [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];

    [GeneratedRegex(@"^(\*|[a-z0-9-]+(\.[a-z0-9-]+)*\.\*|coordination\.[a-z-]+\.[a-z-]+\.v[1-9][0-9]*)\z")]
    private static partial Regex TypeShape();

    [GeneratedRegex(@"^[0-9]{2}\z")]
    private static partial Regex ProvinceShape();
}
