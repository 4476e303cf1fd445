using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry.Requests;
using Coordination.WorkerRegistry.Workers.Reading;

namespace Coordination.WorkerRegistry.Workers;

/// <summary>Writes to an existing worker's stream answer with the worker as it now is.</summary>
public static class WorkerWrites
{
    public static Task<IResult> WriteWorker(this HttpContext http, Guid id, Func<Worker?, Decision> decide) =>
        http.WriteStream<Worker>(id, decide, written => Results.Ok(ViewAfter(written, Agency.From(http.User))));

    public static WorkerView ViewAfter(Written<Worker> written, Agency caller) =>
        WorkerView.Of(written.After(WorkerEvolution.Evolve)!, caller);

    /// <summary>The worker a command about an existing record may act on, or why not.</summary>
    public static DomainError? CheckExisting(Guid id, Worker? state) => state switch
    {
        null => new Missing("No such worker", $"No worker {id}."),
        { MergedInto: { } survivor } => new StateConflict("Merged",
            $"Worker {id} was merged into {survivor}; act on {WorkerLinks.Of(survivor)}."),
        _ => null,
    };

    /// <summary>What every write to a worker's record requires and may answer.</summary>
    public static RouteHandlerBuilder AsWorkerWrite(this RouteHandlerBuilder route, string name) => route
        .WritesRegistry()
        .WithName(name)
        .Produces<WorkerView>()
        .ProducesWriteProblems();
}
