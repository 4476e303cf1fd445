using Coordination.EventLog.Access;
using Coordination.EventLog.Log;
using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Microsoft.AspNetCore.WebUtilities;

namespace Coordination.EventLog.Feed;

/// <summary>The log as CloudEvents 1.0, paged by position.</summary>
public static class FeedEndpoints
{
    /// <summary>
    /// The largest page. A reader replaying the whole log pays a round trip, a query and a
    /// disclosure row per page: 5,000 entries (about 4 MB redacted) keep that small without
    /// holding more than a few megabytes per request.
    /// </summary>
    public const int MaxLimit = 5000;

    /// <summary>Disclosure rows per answer of the audit endpoint (each row names a whole page's positions).</summary>
    private const int DisclosuresPage = 1000;

    public static void MapFeed(this WebApplication app)
    {
        app.MapGet("/api/events", async (long? after, int? limit, LogStore store, Disclosures disclosures, HttpContext http) =>
            {
                if (FeedRequest.Resolve(http, out var reader, out var filter) is { } refused) return refused;
                var from = after ?? 0;
                var size = limit ?? 100;
                if (from < 0) return Problems.Malformed("after", "after is a position, 0 or more.");
                if (size is < 1 or > MaxLimit) return Problems.Malformed("limit", $"limit is 1 to {MaxLimit}.");

                var entries = await store.ReadAsync(from, size, http.RequestAborted, filter);
                await disclosures.RecordAsync(reader, Channels.Pull, entries, http.RequestAborted);
                // The next page starts after this one's last entry; positions never move, so pages are stable.
                var next = entries.Count > 0 ? entries[^1].Position : from;
                var query = http.Request.Query.Where(q => q.Key is not ("after" or "limit"))
                    .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                    .Append(new("after", next.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .Append(new("limit", size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                http.Response.Headers.Link = $"<{QueryHelpers.AddQueryString("/api/events", query)}>; rel=\"next\"";
                return Results.Bytes(LogCloudEvents.Batch(entries, reader.PersonalData), LogCloudEvents.BatchContentType);
            })
            .WithName("ReadEvents")
            .WithSummary("Entries after a position as a CloudEvents batch, filtered and redacted for the caller; Link names the next page.")
            .Produces(StatusCodes.Status200OK, contentType: LogCloudEvents.BatchContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapGet("/api/events/disclosures", async (string? agency, long? after, Disclosures disclosures, HttpContext http) =>
            {
                var caller = Agency.From(http.User);
                // The agreement's administrator audits every agency's disclosures; an agency sees its own.
                var of = caller.Has(Roles.AgreementAdmin) ? agency : caller.Id;
                return TypedResults.Ok(await disclosures.ReadAsync(of, after ?? 0, DisclosuresPage, http.RequestAborted));
            })
            .WithName("ReadDisclosures")
            .WithSummary("Who received which entries, by which path, when, and whether with personal data.");
    }
}
