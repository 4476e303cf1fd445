using Coordination.Contracts;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Coordination.WorkerRegistry.Workers;

public enum WorkerStatus
{
    /// <summary>CPMI: registered, not yet departed.</summary>
    Prospective,
}

/// <summary>A worker as the registry knows them; <see cref="Version"/> is the stream version.</summary>
public sealed record Worker(
    Guid Id,
    string? Nik,
    string FullName,
    Sex Sex,
    DateOnly BirthDate,
    string OriginRegion,
    WorkerStatus Status,
    long Version);

/// <summary>
/// How each stored event changes a worker. Pure. (Not a member of <see cref="Worker"/>:
/// Marten's source generator would take a member named Evolve for its own convention.)
/// </summary>
public static class WorkerEvolution
{
    public static Worker? Evolve(Worker? state, object @event) => @event switch
    {
        WorkerRegistered e => new Worker(e.WorkerId, e.Nik, e.FullName, e.Sex, e.BirthDate, e.OriginRegion,
            WorkerStatus.Prospective, 1),
        // Every event of the stream counts, so that Version stays the stream version.
        _ => state is null ? null : state with { Version = state.Version + 1 },
    };
}

/// <summary>Keeps the worker document current in the same transaction as its events.</summary>
public sealed class WorkerProjection : SingleStreamProjection<Worker, Guid>
{
    public override Worker? Evolve(Worker? snapshot, Guid id, IEvent e) => WorkerEvolution.Evolve(snapshot, e.Data);
}
