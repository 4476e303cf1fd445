using Coordination.EventLog.Access;
using Coordination.EventLog.Feed;
using Coordination.EventLog.Log;
using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Coordination.EventLog.Webhooks;

/// <summary>Request to register an endpoint; <c>types</c> and <c>provinces</c> narrow what the agency may receive.</summary>
public sealed record RegisterWebhook(string? Url, List<string>? Types, List<string>? Provinces);

/// <summary>An endpoint as its agency sees it; the secret only in the answer to its registration.</summary>
public sealed record WebhookView(Guid Id, string Url, string[]? Types, string[]? Provinces, string? Agreement, bool PersonalData,
    DateTimeOffset RegisteredAt, string? Secret = null)
{
    public static WebhookView Of(Webhook w, bool withSecret = false) =>
        new(w.Id, w.Url, w.Types, w.Provinces, w.Agreement, w.PersonalData, w.RegisteredAt, withSecret ? w.Secret : null);
}

public static class WebhookEndpoints
{
    public const int MaxUrlLength = 2000;

    public static void MapWebhooks(this WebApplication app)
    {
        var hooks = app.MapGroup("/api/events/webhooks").WithTags("Webhooks");

        hooks.MapPost("/", async (RegisterWebhook body, WebhookStore store, IOptionsMonitor<DataSharingOptions> sharing, TimeProvider clock,
                HttpContext http) =>
            {
                if (Reader.For(Agency.From(http.User), sharing.CurrentValue) is not { } reader) return FeedRequest.NoAgreement();
                if (body.Url is not { Length: <= MaxUrlLength } || !Uri.TryCreate(body.Url, UriKind.Absolute, out var url)
                    || url.Scheme is not ("https" or "http"))
                    return Problems.Malformed("url", $"url is the absolute http(s) address of your endpoint, at most {MaxUrlLength} characters.");
                var requested = new LogFilter(body.Types?.Distinct().ToArray(), body.Provinces?.Distinct().ToArray(), null);
                if (FeedRequest.Check(requested) is { } malformed) return malformed;
                var (_, beyond) = reader.Narrow(requested);
                if (beyond is not null) return FeedRequest.Beyond(reader, beyond);

                var webhook = new Webhook(Guid.CreateVersion7(), reader.Agency, reader.Agreement, url.ToString(), Signature.NewSecret(),
                    requested.Types?.ToArray(), requested.Provinces?.ToArray(), reader.PersonalData, clock.GetUtcNow());
                await store.RegisterAsync(webhook, http.RequestAborted);
                return Results.Created($"/api/events/webhooks/{webhook.Id}", WebhookView.Of(webhook, withSecret: true));
            })
            .WithName("RegisterWebhook")
            .WithSummary("Registers an endpoint for the entries logged from now on; the answer holds its signing secret (whsec_…), once.")
            .Produces<WebhookView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        hooks.MapGet("/", async (WebhookStore store, HttpContext http) =>
                TypedResults.Ok((await store.ListAsync(Agency.From(http.User).Id, http.RequestAborted)).Select(w => WebhookView.Of(w))))
            .WithName("ListWebhooks");

        hooks.MapDelete("/{id:guid}", async (Guid id, WebhookStore store, HttpContext http) =>
                await store.DeleteAsync(id, Agency.From(http.User).Id, http.RequestAborted) ? Results.NoContent() : Unknown(id))
            .WithName("RemoveWebhook");

        hooks.MapGet("/{id:guid}/deliveries", async (Guid id, string? status, WebhookStore store, HttpContext http) =>
                await Own(id, store, http) is null ? Unknown(id) : Results.Ok(await store.DeliveriesAsync(id, status, http.RequestAborted)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("The endpoint's deliveries (status=failed lists the failures), with attempts and the last error.");

        hooks.MapPost("/{id:guid}/deliveries/{delivery:guid}/replay", async (Guid id, Guid delivery, WebhookStore store, TimeProvider clock,
                HttpContext http) =>
            {
                if (await Own(id, store, http) is null) return Unknown(id);
                var agency = Agency.From(http.User).Id;
                return await store.ReplayAsync(id, delivery, agency, clock.GetUtcNow(), http.RequestAborted) switch
                {
                    null => Problems.NotFound($"The endpoint has no delivery {delivery}."),
                    { Status: DeliveryStatus.Failed } => Results.Accepted($"/api/events/webhooks/{id}/deliveries"),
                    var current => Problems.Conflict($"Only a failed delivery can be replayed; this one is {current.Status}."),
                };
            })
            .WithName("ReplayWebhookDelivery")
            .WithSummary("Sends a failed delivery again, with fresh retries.");
    }

    private static async Task<Webhook?> Own(Guid id, WebhookStore store, HttpContext http) =>
        (await store.ListAsync(Agency.From(http.User).Id, http.RequestAborted)).SingleOrDefault(w => w.Id == id);

    private static IResult Unknown(Guid id) => Problems.NotFound($"Your agency has no webhook {id}.");
}
