using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests.EventLog;

[Collection(StackCollection.Name)]
public class StreamTests(CoordinationStack stack)
{
    [Fact]
    public async Task The_stream_through_the_gateway_delivers_entries_live_and_resumes_after_a_disconnect_with_no_gap_or_repeat()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        ntt.Timeout = Timeout.InfiniteTimeSpan;
        var first = await RegisterAndLog(ntt, "Stream Satu Fiktif");
        var start = await Feeds.Logged(stack, first);

        var received = new List<long>();
        string secondSubject;
        using (var stream = await Feeds.OpenStream(ntt, $"?after={start - 1}"))
        {
            Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
            var events = Feeds.Events(stream, Feeds.Within()).GetAsyncEnumerator();
            Assert.True(await events.MoveNextAsync());
            Assert.Equal((start, first), (events.Current.Position, events.Current.CloudEvent.GetProperty("subject").GetString()));
            received.Add(events.Current.Position);

            // Registered while the stream is open: it arrives live, through the gateway, unbuffered.
            using var second = await ntt.Register(Workers.Minimal("Stream Dua Fiktif"));
            secondSubject = Workers.SubjectOf(second);
            while (await events.MoveNextAsync())
            {
                received.Add(events.Current.Position);
                if (events.Current.CloudEvent.GetProperty("subject").GetString() == secondSubject) break;
            }
            await events.DisposeAsync();
        }

        // Logged while no one listens; the reconnect names the last event it saw.
        var third = await RegisterAndLog(ntt, "Stream Tiga Fiktif");
        using (var resumed = await Feeds.OpenStream(ntt, "", lastEventId: received[^1].ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            await foreach (var (position, cloudEvent) in Feeds.Events(resumed, Feeds.Within()))
            {
                received.Add(position);
                if (cloudEvent.GetProperty("subject").GetString() == third) break;
            }
        }

        Assert.Equal(Enumerable.Range(0, received.Count).Select(i => start + i), received);
    }

    private async Task<string> RegisterAndLog(HttpClient client, string name)
    {
        using var created = await client.Register(Workers.Minimal(name));
        var subject = Workers.SubjectOf(created);
        await Feeds.Logged(stack, subject);
        return subject;
    }
}
