using Coordination.Contracts;
using Coordination.Eventing;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Coordination.WorkerRegistry.Workers;

/// <summary>
/// One NIK, one worker: each event that gives a worker a NIK claims it (inline, in the
/// event's transaction), so a second registration of the NIK fails even when it races the
/// first past the endpoint's check.
/// </summary>
public sealed partial class NikClaims : EventProjection
{
    public const string Kind = "nik";

    public NikClaims()
    {
        IncludeType<WorkerRegistered>();
        IncludeType<RecordCorrected>();
        IncludeType<DuplicateMerged>();
        // NIK and licence claims share one table: a rebuild of one must not wipe the other's.
        DeletePublishedTypesOnTeardown = false;
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case WorkerRegistered { Nik: { } nik } r:
                operations.Insert(new UniqueClaim(UniqueClaim.Key(Kind, nik), r.WorkerId));
                break;
            case RecordCorrected c when c.Corrections.FirstOrDefault(x => x.Field == "nik") is { } corrected:
                if (corrected.From is not null) operations.Delete<UniqueClaim>(UniqueClaim.Key(Kind, corrected.From));
                if (corrected.To is not null) operations.Insert(new UniqueClaim(UniqueClaim.Key(Kind, corrected.To), c.WorkerId));
                break;
            case DuplicateMerged { TakenNik: { } taken } m:
                // The duplicate's NIK now belongs to the survivor (which had none).
                operations.Store(new UniqueClaim(UniqueClaim.Key(Kind, taken), m.WorkerId));
                break;
        }
        return ValueTask.CompletedTask;
    }
}

public static class NikLookup
{
    /// <summary>The worker holding <paramref name="nik"/>, if any.</summary>
    public static Task<Guid?> HolderOf(this IQuerySession session, Nik nik, CancellationToken ct) =>
        UniqueClaim.OwnerOf(session, NikClaims.Kind, nik.Value, ct);
}
