using Coordination.Eventing;

namespace Coordination.RepatriationCosts;

/// <summary>
/// Shelter and return costs and their clearing between provinces, at /api/costs.
/// The foundation runs it with its own event store and the broker; its use cases come next.
/// </summary>
public sealed class RepatriationCostsModule : IServiceModule
{
    public static string Name => "repatriation-costs";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.AddEventStore<RepatriationCostsModule>();
        builder.AddMessaging();
    }

    public static void Map(WebApplication app)
    {
    }
}
