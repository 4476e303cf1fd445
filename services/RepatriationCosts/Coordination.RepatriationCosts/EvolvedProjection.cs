using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Coordination.RepatriationCosts;

/// <summary>An aggregate's document kept inline by its pure Evolve, from its own stored event types only.</summary>
public abstract class EvolvedProjection<T> : SingleStreamProjection<T, Guid> where T : class
{
    private readonly Func<T?, object, T?> _evolve;

    protected EvolvedProjection(Func<T?, object, T?> evolve, params Type[] events)
    {
        _evolve = evolve;
        foreach (var type in events) IncludeType(type);
    }

    public override T? Evolve(T? snapshot, Guid id, IEvent e) => _evolve(snapshot, e.Data);
}
