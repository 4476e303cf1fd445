using System.Reflection;
using MassTransit;

namespace Coordination.Contracts;

/// <summary>
/// The integration events of this assembly and their CloudEvents identity. Each contract
/// pins its wire name with MassTransit's <see cref="EntityNameAttribute"/> (the exchange)
/// and <see cref="MessageUrnAttribute"/> (the message type), both equal to its CloudEvents
/// type <c>coordination.&lt;service&gt;.&lt;event-name&gt;.v&lt;N&gt;</c>, so renaming a C# type
/// never changes the wire. A contract is never changed incompatibly: a new version is a new type.
/// </summary>
public static class IntegrationEvents
{
    /// <summary>The queue of the shared event log, which receives every integration event.</summary>
    public const string SharedLogQueue = "event-log";

    public static IReadOnlyList<Type> All { get; } = typeof(IntegrationEvents).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<EntityNameAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    public static string CloudEventType(Type contract) =>
        contract.GetCustomAttribute<EntityNameAttribute>()?.EntityName
        ?? throw new InvalidOperationException($"{contract} has no [EntityName].");

    /// <summary>The publishing service, the second segment of the type.</summary>
    public static string Service(Type contract) => CloudEventType(contract).Split('.')[1];

    public static string Source(Type contract) => $"/services/{Service(contract)}";

    public static DataClassification Classification(Type contract) =>
        contract.GetCustomAttribute<ClassifiedAttribute>()?.Classification
        ?? throw new InvalidOperationException($"{contract} has no [Classified].");
}
