using Coordination.Eventing;

namespace Coordination.Interceptions;

/// <summary>
/// Intercepted workers and inter-province handovers, at /api/interceptions.
/// The foundation runs it with its own event store and the broker; its use cases come next.
/// </summary>
public sealed class InterceptionsModule : IServiceModule
{
    public static string Name => "interceptions";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddEventStore<InterceptionsModule>();
        builder.AddMessaging();
    }

    public static void Map(WebApplication app)
    {
    }
}
