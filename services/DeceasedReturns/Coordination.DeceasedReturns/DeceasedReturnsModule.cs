using Coordination.Eventing;

namespace Coordination.DeceasedReturns;

/// <summary>
/// Returns of deceased workers, from the notice of death to the family, at /api/deceased.
/// The foundation runs it with its own event store and the broker; its use cases come next.
/// </summary>
public sealed class DeceasedReturnsModule : IServiceModule
{
    public static string Name => "deceased-returns";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddEventStore<DeceasedReturnsModule>();
        builder.AddMessaging();
    }

    public static void Map(WebApplication app)
    {
    }
}
