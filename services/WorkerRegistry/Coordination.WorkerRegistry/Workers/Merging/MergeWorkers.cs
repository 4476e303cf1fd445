using Coordination.Eventing;

namespace Coordination.WorkerRegistry.Workers.Merging;

/// <summary>The duplicate becomes part of the survivor: one person, one record.</summary>
public sealed record MergeWorkers(Guid SurvivorId, Guid DuplicateId, string Reason, string MergedBy, DateTimeOffset Now);

public static class MergeWorkersDecision
{
    /// <returns>a <see cref="DuplicateMerged"/> for the survivor's stream and a <see cref="MergedInto"/> for the duplicate's.</returns>
    public static Decision Decide(MergeWorkers c, Worker? survivor, Worker? duplicate)
    {
        if (c.SurvivorId == c.DuplicateId)
            return new RuleBroken("duplicateId", "Same record", "A record cannot be merged into itself.");
        if (WorkerWrites.CheckExisting(c.SurvivorId, survivor) is { } survivorError) return survivorError;
        if (duplicate is null)
            return new RuleBroken("duplicateId", "No such worker", $"No worker {c.DuplicateId}.");
        if (duplicate.MergedInto is { } earlier)
            return new StateConflict("Already merged", $"Worker {c.DuplicateId} was already merged into {earlier}.");
        if (survivor!.Nik is not null && duplicate.Nik is not null && survivor.Nik != duplicate.Nik)
            return new RuleBroken("duplicateId", "Two NIKs",
                "The two records hold different NIKs, so they are two people; correct the wrong NIK first.");

        return Decision.Accept(
            new DuplicateMerged(c.SurvivorId, c.DuplicateId, survivor.Nik is null ? duplicate.Nik : null,
                survivor.Phone is null ? duplicate.Phone : null, survivor.FamilyContact is null ? duplicate.FamilyContact : null,
                duplicate.History, c.Reason, survivor.OriginRegion, c.MergedBy, c.Now),
            new MergedInto(c.DuplicateId, c.SurvivorId, c.Reason, c.MergedBy, c.Now));
    }

    /// <summary>Which stream an event of a merge belongs to.</summary>
    public static Guid StreamOf(object e) => e switch
    {
        DuplicateMerged m => m.WorkerId,
        MergedInto m => m.WorkerId,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
    };
}
