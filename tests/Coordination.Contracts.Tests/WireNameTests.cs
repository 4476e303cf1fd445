using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using MassTransit;

namespace Coordination.Contracts.Tests;

public partial class WireNameTests
{
    public static TheoryData<Type> Contracts() => [.. IntegrationEvents.All];

    [Fact]
    public void The_contracts_assembly_has_integration_events() => Assert.NotEmpty(IntegrationEvents.All);

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_contract_pins_its_wire_name_to_its_CloudEvents_type(Type contract)
    {
        var type = IntegrationEvents.CloudEventType(contract);

        Assert.Matches(CloudEventType(), type);
        Assert.Equal(new Uri($"urn:message:{type}"), contract.GetCustomAttribute<MessageUrnAttribute>()?.Urn);
        Assert.NotNull(contract.GetCustomAttribute<ClassifiedAttribute>());
    }

    [Fact]
    public void No_two_contracts_share_a_wire_name() =>
        Assert.Equal(IntegrationEvents.All.Count, IntegrationEvents.All.Select(IntegrationEvents.CloudEventType).Distinct().Count());

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_contract_has_a_golden_example_that_still_reads_and_writes_the_same(Type contract)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "golden", IntegrationEvents.CloudEventType(contract) + ".json");
        Assert.True(File.Exists(path), $"No golden example for {contract.Name}: add golden/{Path.GetFileName(path)}.");
        var golden = File.ReadAllText(path);

        var read = JsonSerializer.Deserialize(golden, contract, ContractJson.Options);

        Assert.NotNull(read);
        var written = JsonSerializer.Serialize(read, contract, ContractJson.Options);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(golden).RootElement, JsonDocument.Parse(written).RootElement),
            $"{contract.Name} no longer writes its golden example:\n{written}");
    }

    [GeneratedRegex(@"^coordination\.[a-z-]+\.[a-z-]+\.v[1-9][0-9]*\z")]
    private static partial Regex CloudEventType();
}
