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

/// <param name="Kind">one of <see cref="HistoryKinds"/>.</param>
/// <param name="On">the day it happened (not when it was recorded).</param>
/// <param name="Reference">the company, interception, handover or death case it concerns.</param>
/// <param name="Country">destination, or country of death.</param>
/// <param name="At">the moment it happened, where another service reported it: other services' events may
/// reach the registry in another order than they happened.</param>
public sealed record HistoryEntry(
    string Kind,
    DateOnly On,
    string By,
    DateTimeOffset RecordedAt,
    string Summary,
    Guid? Reference = null,
    string? Country = null,
    bool NonProcedural = false,
    DateTimeOffset? At = null)
{
    /// <summary>Each interception, and a death abroad after leaving non-procedurally (as counted in SQL by the statistics too).</summary>
    public bool IsNonProceduralAttempt => Kind == HistoryKinds.Intercepted || (Kind == HistoryKinds.Deceased && NonProcedural);
}

/// <summary>The kinds of history entry, as stored and shown.</summary>
public static class HistoryKinds
{
    public const string Registered = "registered";
    public const string TrainingCompleted = "training-completed";
    public const string Departed = "departed";
    public const string Returned = "returned";
    public const string Intercepted = "intercepted";
    public const string ReturnedHome = "returned-home";
    public const string Deceased = "deceased";
    public const string Corrected = "corrected";
    public const string MergedInto = "merged-into";
    public const string DuplicateMerged = "duplicate-merged";
}

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

    public int NonProceduralAttempts => History.Count(h => h.IsNonProceduralAttempt);

    // Kept in the stored document so that queries and indexes can use them.
    public string NameKey => Matching.NameKey(FullName);
    public string? FamilyPhoneKey => FamilyContact is null ? null : Matching.PhoneKey(FamilyContact.Phone);

    private static WorkerStatus StatusAfter(WorkerStatus status, HistoryEntry entry) => status == WorkerStatus.Deceased
        ? status // a death is final, whatever is recorded after it
        : entry.Kind switch
        {
            HistoryKinds.TrainingCompleted => WorkerStatus.Trained,
            HistoryKinds.Departed => WorkerStatus.Departed,
            HistoryKinds.Returned => WorkerStatus.Returned,
            HistoryKinds.Intercepted => WorkerStatus.Intercepted,
            HistoryKinds.ReturnedHome => WorkerStatus.ReturnedHome,
            HistoryKinds.Deceased => WorkerStatus.Deceased,
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
                r.Source, [new(HistoryKinds.Registered, Wita.DayOf(r.RegisteredAt), r.RegisteredBy, r.RegisteredAt,
                    $"Registered ({ContractJson.NameOf(r.Source)})")], null, 1);
        if (state is null) return null;

        // Every event of the stream counts, so that Version stays the stream version.
        state = state with { Version = state.Version + 1 };
        return @event switch
        {
            TrainingCompleted e => state.With(new(HistoryKinds.TrainingCompleted, e.CompletedOn, e.RecordedBy, e.RecordedAt,
                $"Training completed at {e.TrainingCentre}, certificate {e.CertificateNumber}")),
            DepartedProcedurally e => state.With(new(HistoryKinds.Departed, e.DepartedOn, e.RecordedBy, e.RecordedAt,
                $"Departed procedurally to {e.DestinationCountry} as {e.Job}", e.CompanyId, e.DestinationCountry)),
            ReturnedFromPlacement e => state.With(new(HistoryKinds.Returned, e.ReturnedOn, e.RecordedBy, e.RecordedAt,
                "Returned from placement (purna migran)")),
            Intercepted e => state.With(new(HistoryKinds.Intercepted, DateOnly.FromDateTime(e.InterceptedAt.Date), e.RecordedBy, e.RecordedAt,
                $"Stopped at {e.ExitPoint}", e.InterceptionId, NonProcedural: true, At: e.InterceptedAt)),
            ReturnedHome e => state.With(new(HistoryKinds.ReturnedHome, DateOnly.FromDateTime(e.ArrivedAt.Date), e.RecordedBy, e.RecordedAt,
                $"Handed over and arrived home at {e.ArrivalPoint}", e.HandoverId, At: e.ArrivedAt)),
            DeathRecorded e => state.With(new(HistoryKinds.Deceased, e.DiedOn, e.RecordedBy, e.RecordedAt,
                $"Died in {e.CountryOfDeath}", e.CaseId, e.CountryOfDeath, e.NonProcedural)),
            RecordCorrected e => Corrections.Apply(state, e.Corrections).With(new(HistoryKinds.Corrected,
                Wita.DayOf(e.CorrectedAt), e.CorrectedBy, e.CorrectedAt,
                // Names the fields, never the values: the history is shown to callers without pii:read.
                $"Corrected {string.Join(", ", e.Corrections.Select(c => c.Field))}: {e.Reason}")),
            MergedInto e => (state with { MergedInto = e.SurvivorId }).With(new(HistoryKinds.MergedInto,
                Wita.DayOf(e.MergedAt), e.MergedBy, e.MergedAt, $"Merged into {e.SurvivorId}: {e.Reason}", e.SurvivorId)),
            DuplicateMerged e => (state with
            {
                Nik = state.Nik ?? e.TakenNik,
                Phone = state.Phone ?? e.TakenPhone,
                FamilyContact = state.FamilyContact ?? e.TakenFamilyContact,
                History = [.. state.History, .. e.TakenHistory],
            }).With(new(HistoryKinds.DuplicateMerged, Wita.DayOf(e.MergedAt), e.MergedBy, e.MergedAt,
                $"Took over the record {e.DuplicateId}: {e.Reason}", e.DuplicateId)),
            _ => state,
        };
    }

    /// <summary>Adds an entry, keeping the history in the order things happened.</summary>
    private static Worker With(this Worker worker, HistoryEntry entry) => worker with
    {
        History = [.. worker.History.Append(entry).OrderBy(h => h.On).ThenBy(h => h.At ?? h.RecordedAt)],
    };
}

/// <summary>Keeps the worker document current in the same transaction as its events.</summary>
public sealed class WorkerProjection : SingleStreamProjection<Worker, Guid>
{
    public override Worker? Evolve(Worker? snapshot, Guid id, IEvent e) => WorkerEvolution.Evolve(snapshot, e.Data);
}
