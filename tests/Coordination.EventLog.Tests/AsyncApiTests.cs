using Coordination.Contracts;
using Coordination.EventLog.Exchange;

namespace Coordination.EventLog.Tests;

public class AsyncApiTests
{
    [Fact]
    public void The_document_describes_the_topic_exchange_and_a_message_for_every_contract()
    {
        var document = AsyncApiDocument.Build("coordination.events");

        Assert.Equal("3.0.0", document["asyncapi"]!.GetValue<string>());
        var channel = document["channels"]!["events"]!;
        Assert.Equal("{province}.{service}.{event}", channel["address"]!.GetValue<string>());
        Assert.Equal("topic", channel["bindings"]!["amqp"]!["exchange"]!["type"]!.GetValue<string>());
        var messages = document["components"]!["messages"]!.AsObject();
        Assert.Equal(IntegrationEvents.All.Select(IntegrationEvents.CloudEventType).Order(), messages.Select(m => m.Value!["name"]!.GetValue<string>()).Order());
    }

    [Fact]
    public void Personal_fields_are_marked_in_the_data_schema()
    {
        var document = AsyncApiDocument.Build("coordination.events");

        var data = document["components"]!["messages"]!["coordination-worker-registry-worker-registered-v1"]!["payload"]!["properties"]!["data"]!;
        Assert.True(data["properties"]!["nik"]!["x-personal-data"]!.GetValue<bool>());
        Assert.Null(data["properties"]!["workerId"]!["x-personal-data"]);
    }
}
