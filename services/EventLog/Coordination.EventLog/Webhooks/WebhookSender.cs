using System.Globalization;
using Coordination.EventLog.Access;
using Coordination.EventLog.Feed;
using Coordination.EventLog.Log;
using Microsoft.Extensions.Options;

namespace Coordination.EventLog.Webhooks;

/// <summary>
/// Sends due deliveries, signed per Standard Webhooks; a failure (not 2xx, or no answer within
/// <see cref="WebhookOptions.Timeout"/>) is retried with exponential backoff until
/// <see cref="WebhookOptions.MaxAttempts"/>, then listed as failed for the agency to replay.
/// </summary>
public sealed class WebhookSender(
    WebhookStore webhooks, LogStore store, Disclosures disclosures, WebhookSignal due, IHttpClientFactory clients,
    IOptionsMonitor<DataSharingOptions> sharing, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
    : BackgroundService
{
    public const string Client = "webhooks";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await webhooks.ClaimDueAsync(clock.GetUtcNow(), options.Value.Timeout * 3, 32, stoppingToken);
                if (claimed.Count == 0)
                {
                    await due.WaitAsync(Poll, stoppingToken);
                    continue;
                }
                var endpoints = (await webhooks.ListAsync(null, stoppingToken)).ToDictionary(w => w.Id);
                await Task.WhenAll(claimed.Select(d => Send(d, endpoints.GetValueOrDefault(d.WebhookId), stoppingToken)));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Sending webhooks failed; due deliveries are claimed again after their lease.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task Send(Delivery delivery, Webhook? webhook, CancellationToken ct)
    {
        if (webhook is null) return; // removed since: its deliveries went with it
        var reader = webhook.Reader(sharing.CurrentValue);
        var entry = (await store.ReadAsync(delivery.Position - 1, 1, ct)).SingleOrDefault();
        // An entry the agency may no longer receive is failed at once: retrying cannot help.
        var (error, retry) = reader is null ? ("The agency's data-sharing agreement was withdrawn.", false)
            : entry is null || !reader.MayReceive(entry.Record) ? ("The agency's data-sharing agreement no longer covers this entry.", false)
            : (await Post(webhook, delivery, entry, reader, ct), true);

        var now = clock.GetUtcNow();
        var next = error is not null && retry ? Backoff.Next(now, delivery.Attempts + 1, options.Value) : null;
        await webhooks.RecordAttemptAsync(delivery.Id, now, error, next, ct);
    }

    private async Task<string?> Post(Webhook webhook, Delivery delivery, LogEntry entry, Reader reader, CancellationToken ct)
    {
        var body = LogCloudEvents.Structured(entry, reader.PersonalData);
        var id = delivery.Id.ToString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = new(LogCloudEvents.ContentType);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", Signature.Sign(webhook.Secret, id, timestamp, body.Span));
        // Recorded before it goes: an attempt whose answer is lost may still have disclosed it.
        await disclosures.RecordAsync(reader, Channels.Webhook, [entry], ct);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await clients.CreateClient(Client).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return e is OperationCanceledException ? $"No answer within {options.Value.Timeout}." : e.Message;
        }
    }
}
