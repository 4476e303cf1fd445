using Coordination.Eventing;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Coordination.DeceasedReturns.Cases.Reporting;

/// <summary>
/// A person dies once: each report claims the deceased's worker id, and their NIK where the report
/// gave one (inline, in the report's transaction), so a second report of the same death fails even
/// when it races the first past the endpoint's check.
/// </summary>
public sealed partial class DeathClaims : EventProjection
{
    public const string Worker = "deceased-worker", Nik = "deceased-nik";

    public DeathClaims() => IncludeType<DeathReported>();

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is DeathReported r)
        {
            operations.Insert(new UniqueClaim(UniqueClaim.Key(Worker, r.WorkerId.ToString()), r.CaseId));
            if (r.Details?.Nik is { } nik) operations.Insert(new UniqueClaim(UniqueClaim.Key(Nik, nik), r.CaseId));
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The case that already reports this person's death, if any.</summary>
    public static async Task<Guid?> CaseOf(IQuerySession session, Contracts.PersonReference deceased, CancellationToken ct) =>
        await UniqueClaim.OwnerOf(session, Worker, deceased.WorkerId.ToString(), ct)
        ?? (deceased.Details?.Nik is { } nik ? await UniqueClaim.OwnerOf(session, Nik, nik, ct) : null);
}
