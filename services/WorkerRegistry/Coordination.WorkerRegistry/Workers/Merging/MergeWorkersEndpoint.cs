using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry.Requests;

namespace Coordination.WorkerRegistry.Workers.Merging;

public sealed record MergeWorkersRequest(string? DuplicateId, string? Reason);

public static class MergeWorkersEndpoint
{
    /// <summary><c>POST /workers/{survivor}/merges</c>: the duplicate named in the body joins the survivor.</summary>
    public static void MapMergeWorkers(this RouteGroupBuilder workers) =>
        workers.MapPost("/{id:guid}/merges", (Guid id, MergeWorkersRequest r, HttpContext http, TimeProvider clock) =>
            {
                var f = new Fields();
                f.Guid("duplicateId", r.DuplicateId, out var duplicate);
                f.Text("reason", r.Reason, out var reason);
                if (f.Problem is not null) return Task.FromResult(f.Problem);
                if (Versions.Required(http) is { } missing) return Task.FromResult(missing);

                var command = new MergeWorkers(id, duplicate, reason, Agency.From(http.User).Id, clock.GetUtcNow());
                return http.WriteStreams<Worker>(id, [duplicate],
                    (survivor, others) => MergeWorkersDecision.Decide(command, survivor, others[0]),
                    MergeWorkersDecision.StreamOf,
                    written => Results.Ok(WorkerWrites.ViewAfter(written, Agency.From(http.User))));
            })
            .AsWorkerWrite("MergeWorkers");
}

