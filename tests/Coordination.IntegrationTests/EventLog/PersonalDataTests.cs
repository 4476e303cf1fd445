using System.Text;
using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests.EventLog;

/// <summary>integrator-demo holds feed:read without pii:read: no NIK or name reaches it, by any path.</summary>
[Collection(StackCollection.Name)]
public class PersonalDataTests(CoordinationStack stack)
{
    [Fact]
    public async Task An_integrator_without_pii_read_never_receives_a_NIK_or_name_by_pull_stream_exchange_or_webhook()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        using var integrator = stack.ClientFor("integrator-demo");
        integrator.Timeout = Timeout.InfiniteTimeSpan;
        await using var queue = await ExchangeQueue.Bind(stack, "#");
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await WebhookTests.Register(integrator, receiver, "integrator", new { types = new[] { "coordination.worker-registry.*" } });
        var (subject, nik, name) = await RegisterPerson(ntt);
        var position = await Feeds.Logged(stack, subject);

        var pulled = await integrator.GetStringAsync($"/api/events?after={position - 1}&limit=1");
        var streamed = new StringBuilder();
        using (var stream = await Feeds.OpenStream(integrator, $"?after={position - 1}"))
            await foreach (var (_, cloudEvent) in Feeds.Events(stream, Feeds.Within()))
            {
                streamed.Append(cloudEvent.GetRawText());
                if (cloudEvent.GetProperty("subject").GetString() == subject) break;
            }

        var exchanged = string.Concat((await queue.Until(subject)).Select(m => m.Body));

        var pushed = (await Eventually.Get(async () => await Task.FromResult(
                receiver.Deliveries.FirstOrDefault(d => d.CloudEvent.GetProperty("subject").GetString() == subject)),
            TimeSpan.FromSeconds(30), "the webhook delivery")).Body;

        // No further deliveries to a receiver about to go.
        (await integrator.DeleteAsync(hook)).EnsureSuccessStatusCode();

        var asNtt = await ntt.GetStringAsync($"/api/events?after={position - 1}&limit=1");
        Assert.Contains(nik, asNtt, StringComparison.Ordinal);
        foreach (var received in new[] { pulled, streamed.ToString(), exchanged, pushed })
        {
            Assert.Contains(subject, received, StringComparison.Ordinal);
            Assert.Contains("\"redacted\":true", received, StringComparison.Ordinal);
            Assert.DoesNotContain(nik, received, StringComparison.Ordinal);
            Assert.DoesNotContain(name, received, StringComparison.Ordinal);
        }
    }

    /// <summary>A person with a NIK and a name no other test uses.</summary>
    public static async Task<(string Subject, string Nik, string Name)> RegisterPerson(HttpClient client, string origin = "53.01.06")
    {
        var name = $"Rahasia {string.Concat(Guid.NewGuid().ToByteArray()[..6].Select(b => (char)('a' + b % 26)))} Fiktif";
        var worker = Workers.WithNik(name, origin);
        var nik = (string)worker.GetType().GetProperty("nik")!.GetValue(worker)!;
        using var created = await client.Register(worker);
        created.EnsureSuccessStatusCode();
        return (Workers.SubjectOf(created), nik, name);
    }
}
