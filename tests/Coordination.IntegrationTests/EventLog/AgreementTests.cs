using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests.EventLog;

/// <summary>
/// An integrator receives, by pull, stream and webhook, only what its data-sharing agreement
/// covers (here Kalbar's registry events, with personal data).
/// </summary>
[Collection(StackCollection.Name)]
public class AgreementTests(CoordinationStack stack)
{
    [Fact]
    public async Task An_integrator_receives_only_the_provinces_and_types_of_its_agreement_with_the_personal_data_it_grants()
    {
        using var researcher = stack.ClientFor(CoordinationStack.KalbarResearcher);
        researcher.Timeout = Timeout.InfiniteTimeSpan;
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        using var kalbar = stack.ClientFor("disnakertrans-kalbar");
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await WebhookTests.Register(researcher, receiver, "research", new { });

        var (outside, outsideNik, _) = await PersonalDataTests.RegisterPerson(ntt);
        var (inside, insideNik, insideName) = await PersonalDataTests.RegisterPerson(kalbar, origin: "61.01.01");
        var from = Math.Min(await Feeds.Logged(stack, outside), await Feeds.Logged(stack, inside)) - 1;

        var pulled = await researcher.GetStringAsync($"/api/events?after={from}&limit=1000");
        var streamed = new StringBuilder();
        using (var stream = await Feeds.OpenStream(researcher, $"?after={from}"))
            await foreach (var (_, cloudEvent) in Feeds.Events(stream, Feeds.Within()))
            {
                streamed.Append(cloudEvent.GetRawText());
                if (cloudEvent.GetProperty("subject").GetString() == inside) break;
            }
        var pushed = (await Eventually.Get(async () => await Task.FromResult(
                receiver.Deliveries.FirstOrDefault(d => d.CloudEvent.GetProperty("subject").GetString() == inside)),
            TimeSpan.FromSeconds(30), "the webhook delivery")).Body;
        // Entries are filed for delivery in order of position: by now the NTT registration was passed over or filed.
        var filed = (await researcher.GetFromJsonAsync<JsonElement>($"{hook}/deliveries")).EnumerateArray()
            .Select(d => d.GetProperty("position").GetInt64()).ToList();
        Assert.Equal(HttpStatusCode.NoContent, (await researcher.DeleteAsync(hook)).StatusCode);

        Assert.Contains(await Feeds.Logged(stack, inside), filed);
        Assert.DoesNotContain(await Feeds.Logged(stack, outside), filed);

        foreach (var received in new[] { pulled, streamed.ToString(), pushed })
        {
            Assert.Contains(insideNik, received, StringComparison.Ordinal);
            Assert.Contains(insideName, received, StringComparison.Ordinal);
        }
        foreach (var received in new[] { pulled, streamed.ToString(), string.Concat(receiver.Deliveries.Select(d => d.Body)) })
        {
            Assert.DoesNotContain(outside, received, StringComparison.Ordinal);
            Assert.DoesNotContain(outsideNik, received, StringComparison.Ordinal);
            Assert.DoesNotContain("\"province\":\"53\"", received, StringComparison.Ordinal);
        }
        using var beyond = await researcher.GetAsync("/api/events?type=coordination.interceptions.*");
        Assert.Equal(HttpStatusCode.Forbidden, beyond.StatusCode);
    }
}
