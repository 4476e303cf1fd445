using Coordination.IntegrationTests.Infrastructure;

namespace Coordination.IntegrationTests.EventLog;

[Collection(StackCollection.Name)]
public class ExchangeTests(CoordinationStack stack)
{
    [Fact]
    public async Task Each_entry_reaches_the_queues_bound_to_its_province_service_and_event_as_a_structured_CloudEvent()
    {
        await using var ntt = await ExchangeQueue.Bind(stack, "53.worker-registry.*");
        await using var kalbar = await ExchangeQueue.Bind(stack, "61.#");
        using var office = stack.ClientFor("disnakertrans-ntt");
        var id = await office.RegisterId(Workers.Minimal("Exchange Fiktif"));
        var subject = $"worker/{id}";

        var received = (await ntt.Until(subject)).Single(m => m.Event.Subject == subject);

        Assert.Equal("53.worker-registry.worker-registered", received.RoutingKey);
        Assert.Equal("coordination.worker-registry.worker-registered.v1", received.Event.Type);
        Assert.Equal("/services/worker-registry", received.Event.Source?.ToString());
        Assert.Equal("53", received.Event["province"]);
        Assert.Equal("1", received.Event["sequence"]);
        Assert.Equal(true, received.Event["redacted"]);
        // Routed at the same publish: had it gone to Kalbar's queue, it would be there by now.
        Assert.DoesNotContain(await kalbar.Drain(), m => m.Event.Subject == subject);
    }
}
