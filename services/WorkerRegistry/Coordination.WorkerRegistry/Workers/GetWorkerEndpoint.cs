using Coordination.Eventing;
using Marten;

namespace Coordination.WorkerRegistry.Workers;

public static class GetWorkerEndpoint
{
    public static void MapGetWorker(this RouteGroupBuilder workers) =>
        workers.MapGet("/{id:guid}", async (Guid id, IQuerySession session, HttpContext http) =>
            {
                if (await session.LoadAsync<Worker>(id, http.RequestAborted) is not { } worker)
                    return Problems.NotFound($"No worker {id}.");
                http.Response.Headers.ETag = Versions.ETag(worker.Version);
                return Results.Ok(worker);
            })
            .WithName("GetWorker")
            .Produces<Worker>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
