using Coordination.Eventing;
using JasperFx.Events;
using Contract = Coordination.Contracts.WorkerRegistry;
using Stored = Coordination.WorkerRegistry.Workers;

namespace Coordination.WorkerRegistry.Publishing;

/// <summary>Which stored events the registry publishes, and as what.</summary>
public sealed class WorkerRegistryPublications : IIntegrationEventMap
{
    public Publication? Map(IEvent stored) => stored.Data switch
    {
        Stored.WorkerRegistered e => new Publication(
            new Contract.WorkerRegistered(e.WorkerId, e.Nik, e.FullName, e.Sex, e.BirthDate, e.OriginRegion,
                e.RegisteredBy, e.RegisteredAt),
            $"worker/{e.WorkerId}",
            // A worker's record belongs to the province they come from.
            e.OriginRegion[..2]),
        _ => null,
    };
}
