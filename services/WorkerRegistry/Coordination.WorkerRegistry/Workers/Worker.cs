using Coordination.Contracts;
using Coordination.WorkerRegistry.Workers.Correcting;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Coordination.WorkerRegistry.Workers;

public enum WorkerStatus
{
    /// <summary>CPMI: registered, not yet departed.</summary>
    Prospective,
    Trained,
    /// <summary>Abroad on a procedural placement.</summary>
    Departed,
    /// <summary>Purna migran: back from a procedural placement.</summary>
    Returned,
    /// <summary>Stopped while leaving non-procedurally, not yet home.</summary>
    Intercepted,
    /// <summary>Handed over after an interception and arrived home.</summary>
    ReturnedHome,
    Deceased,
}

/// <summary>How the record arose.</summary>
public enum RecordSource
{
    LtsaRegistration,
    Interception,
    DeceasedReturnNotice,
}

public sealed record FamilyContact(string Name, string Relation, string Phone);

/// <param name="Kind">registered, training-completed, departed, returned, intercepted, returned-home,
/// deceased, corrected, merged-into, duplicate-merged.</param>
/// <param name="On">the day it happened (not when it was recorded).</param>
/// <param name="Reference">the company, interception, handover or death case it concerns.</param>
/// <param name="Country">destination, or country of death.</param>
public sealed record HistoryEntry(
    string Kind,
    DateOnly On,
    string By,
    DateTimeOffset RecordedAt,
    string Summary,
    Guid? Reference = null,
    string? Country = null,
    bool NonProcedural = false);

/// <summary>
/// A worker as the registry knows them; <see cref="Version"/> is the stream version. Status
/// and the count of non-procedural attempts follow from the history, so that merging two
/// histories merges them too.
/// </summary>
public sealed record Worker(
    Guid Id,
    string? Nik,
    string FullName,
    Sex Sex,
    DateOnly BirthDate,
    string OriginRegion,
    string? Phone,
    FamilyContact? FamilyContact,
    RecordSource Source,
    IReadOnlyList<HistoryEntry> History,
    Guid? MergedInto,
    long Version)
{
    /// <summary>A person stopped without documents is registered with what is known.</summary>
    public bool IdentityVerified => Nik is not null;

    public WorkerStatus Status => History.Aggregate(WorkerStatus.Prospective, StatusAfter);

    /// <summary>Each interception, and a death abroad after leaving non-procedurally.</summary>
    public int NonProceduralAttempts => History.Count(h => h.Kind == "intercepted" || h is { Kind: "deceased", NonProcedural: true });

    // Kept in the stored document so that queries and indexes can use them.
    public string NameKey => Matching.NameKey(FullName);
    public string? FamilyPhoneKey => FamilyContact is null ? null : Matching.PhoneKey(FamilyContact.Phone);

    private static WorkerStatus StatusAfter(WorkerStatus status, HistoryEntry entry) => status == WorkerStatus.Deceased
        ? status // a death is final, whatever is recorded after it
        : entry.Kind switch
        {
            "training-completed" => WorkerStatus.Trained,
            "departed" => WorkerStatus.Departed,
            "returned" => WorkerStatus.Returned,
            "intercepted" => WorkerStatus.Intercepted,
            "returned-home" => WorkerStatus.ReturnedHome,
            "deceased" => WorkerStatus.Deceased,
            _ => status,
        };
}

/// <summary>
/// How each stored event changes a worker. Pure. (Not a member of <see cref="Worker"/>:
/// Marten's source generator would take a member named Evolve for its own convention.)
/// </summary>
public static class WorkerEvolution
{
    public static Worker? Evolve(Worker? state, object @event)
    {
        if (@event is WorkerRegistered r)
            return new Worker(r.WorkerId, r.Nik, r.FullName, r.Sex, r.BirthDate, r.OriginRegion, r.Phone, r.FamilyContact,
                r.Source, [new("registered", DateOnly.FromDateTime(r.RegisteredAt.Date), r.RegisteredBy, r.RegisteredAt,
                    $"Registered ({ContractJson.NameOf(r.Source)})")], null, 1);
        if (state is null) return null;

        // Every event of the stream counts, so that Version stays the stream version.
        state = state with { Version = state.Version + 1 };
        return @event switch
        {
            TrainingCompleted e => state.With(new("training-completed", e.CompletedOn, e.RecordedBy, e.RecordedAt,
                $"Training completed at {e.TrainingCentre}, certificate {e.CertificateNumber}")),
            DepartedProcedurally e => state.With(new("departed", e.DepartedOn, e.RecordedBy, e.RecordedAt,
                $"Departed procedurally to {e.DestinationCountry} as {e.Job}", e.CompanyId, e.DestinationCountry)),
            ReturnedFromPlacement e => state.With(new("returned", e.ReturnedOn, e.RecordedBy, e.RecordedAt,
                "Returned from placement (purna migran)")),
            Intercepted e => state.With(new("intercepted", DateOnly.FromDateTime(e.InterceptedAt.Date), e.RecordedBy, e.RecordedAt,
                $"Stopped at {e.ExitPoint}", e.InterceptionId, NonProcedural: true)),
            ReturnedHome e => state.With(new("returned-home", DateOnly.FromDateTime(e.ArrivedAt.Date), e.RecordedBy, e.RecordedAt,
                $"Handed over and arrived home at {e.ArrivalPoint}", e.HandoverId)),
            DeathRecorded e => state.With(new("deceased", e.DiedOn, e.RecordedBy, e.RecordedAt,
                $"Died in {e.CountryOfDeath}", e.CaseId, e.CountryOfDeath, e.NonProcedural)),
            RecordCorrected e => Corrections.Apply(state, e.Corrections).With(new("corrected",
                DateOnly.FromDateTime(e.CorrectedAt.Date), e.CorrectedBy, e.CorrectedAt,
                // Names the fields, never the values: the history is shown to callers without pii:read.
                $"Corrected {string.Join(", ", e.Corrections.Select(c => c.Field))}: {e.Reason}")),
            MergedInto e => (state with { MergedInto = e.SurvivorId }).With(new("merged-into",
                DateOnly.FromDateTime(e.MergedAt.Date), e.MergedBy, e.MergedAt, $"Merged into {e.SurvivorId}: {e.Reason}", e.SurvivorId)),
            DuplicateMerged e => (state with
            {
                Nik = state.Nik ?? e.TakenNik,
                Phone = state.Phone ?? e.TakenPhone,
                FamilyContact = state.FamilyContact ?? e.TakenFamilyContact,
                History = [.. state.History, .. e.TakenHistory],
            }).With(new("duplicate-merged", DateOnly.FromDateTime(e.MergedAt.Date), e.MergedBy, e.MergedAt,
                $"Took over the record {e.DuplicateId}: {e.Reason}", e.DuplicateId)),
            _ => state,
        };
    }

    /// <summary>Adds an entry, keeping the history in the order things happened.</summary>
    private static Worker With(this Worker worker, HistoryEntry entry) => worker with
    {
        History = [.. worker.History.Append(entry).OrderBy(h => h.On).ThenBy(h => h.RecordedAt)],
    };
}

/// <summary>Keeps the worker document current in the same transaction as its events.</summary>
public sealed class WorkerProjection : SingleStreamProjection<Worker, Guid>
{
    public override Worker? Evolve(Worker? snapshot, Guid id, IEvent e) => WorkerEvolution.Evolve(snapshot, e.Data);
}
