using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry.Requests;
using Marten;
using Marten.Linq.MatchesSql;
using Marten.Pagination;

namespace Coordination.WorkerRegistry.Workers.Reading;

/// <summary>One line of a search or duplicates list; the name only with <c>pii:read</c>.</summary>
public sealed record WorkerSummary(Guid Id, string? FullName, Sex Sex, string OriginRegion, WorkerStatus Status, string Identity)
{
    public static WorkerSummary Of(Worker w, Agency caller) => new(w.Id, caller.Has(Roles.PiiRead) ? w.FullName : null, w.Sex,
        w.OriginRegion, w.Status, w.IdentityVerified ? "verified" : "unverified");
}

public sealed record WorkerPage(IReadOnlyList<WorkerSummary> Items, int Page, int PageSize, long Total);

public sealed record ProbableDuplicate(WorkerSummary Worker, IReadOnlyList<string> MatchedOn);

public static class ReadWorkerEndpoints
{
    public const int MaxPageSize = 200;

    public static void MapReadWorkers(this RouteGroupBuilder workers)
    {
        workers.MapGet("/{id:guid}", async (Guid id, IQuerySession session, HttpContext http) =>
            {
                if (await session.LoadAsync<Worker>(id, http.RequestAborted) is not { } worker)
                    return Problems.NotFound($"No worker {id}.");
                // A merged record answers with where the person's record is now.
                if (worker.MergedInto is { } survivor) return Results.Redirect(WorkerLinks.Of(survivor), permanent: true, preserveMethod: true);
                http.Response.Headers.ETag = Versions.ETag(worker.Version);
                return Results.Ok(WorkerView.Of(worker, Agency.From(http.User)));
            })
            .WithName("GetWorker")
            .Produces<WorkerView>()
            .Produces(StatusCodes.Status308PermanentRedirect)
            .ProducesProblem(StatusCodes.Status404NotFound);

        workers.MapGet("/by-nik/{nik}", async (string nik, IQuerySession session, HttpContext http) =>
            {
                var f = new Fields();
                if (!f.Nik("nik", nik, out var parsed)) return f.Problem!;
                if (await session.HolderOf(parsed, http.RequestAborted) is not { } holder
                    || await session.LoadAsync<Worker>(holder, http.RequestAborted) is not { } worker)
                    return Problems.NotFound("No worker holds this NIK.");
                http.Response.Headers.ETag = Versions.ETag(worker.Version);
                http.Response.Headers.ContentLocation = WorkerLinks.Of(worker.Id);
                return Results.Ok(WorkerView.Of(worker, Agency.From(http.User)));
            })
            .ReadsPersonalData()
            .WithName("GetWorkerByNik")
            .Produces<WorkerView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        workers.MapGet("/", Search)
            .WithName("SearchWorkers")
            .Produces<WorkerPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        workers.MapGet("/{id:guid}/probable-duplicates", ProbableDuplicates)
            .ReadsPersonalData()
            .WithName("ListProbableDuplicates")
            .Produces<IReadOnlyList<ProbableDuplicate>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Search(IQuerySession session, HttpContext http,
        string? name, string? origin, string? status, int? page, int? pageSize)
    {
        var caller = Agency.From(http.User);
        var query = session.Query<Worker>().Where(w => w.MergedInto == null);
        if (name is not null)
        {
            // Whether a name is on record is itself personal data.
            if (!caller.Has(Roles.PiiRead))
                return Problems.For(new NotYours("Forbidden", "Searching by name needs pii:read."));
            var key = Matching.NameKey(name);
            if (key.Length < 2) return Problems.Malformed("name", "name needs at least two letters.");
            query = query.Where(w => w.NameKey.Contains(key));
        }
        if (origin is not null)
        {
            if (!RegionCode.TryParse(origin, out var region)) return Problems.Malformed("origin", "origin is a region code such as 53.01.");
            var prefix = region.Value;
            query = query.Where(w => w.OriginRegion == prefix || w.OriginRegion.StartsWith(prefix + "."));
        }
        if (status is not null)
        {
            var fields = new Fields();
            if (!fields.Choice<WorkerStatus>("status", status, out var wanted)) return fields.Problem!;
            // Enums are stored as ContractJson's kebab-case strings, which LINQ does not know.
            query = query.Where(w => w.MatchesSql("d.data ->> 'status' = ?", ContractJson.NameOf(wanted)));
        }
        var (number, size) = (page ?? 1, pageSize ?? 50);
        if (number < 1) return Problems.Malformed("page", "page starts at 1.");
        if (size is < 1 or > MaxPageSize) return Problems.Malformed("pageSize", $"pageSize is 1–{MaxPageSize}.");

        // By name only for those who may see names: the order of names is itself a disclosure.
        var ordered = caller.Has(Roles.PiiRead) ? query.OrderBy(w => w.NameKey).ThenBy(w => w.Id) : query.OrderBy(w => w.Id);
        var found = await ordered.ToPagedListAsync(number, size, http.RequestAborted);
        return Results.Ok(new WorkerPage(found.Select(w => WorkerSummary.Of(w, caller)).ToArray(), number, size, found.TotalItemCount));
    }

    private static async Task<IResult> ProbableDuplicates(Guid id, IQuerySession session, HttpContext http)
    {
        if (await session.LoadAsync<Worker>(id, http.RequestAborted) is not { } worker) return Problems.NotFound($"No worker {id}.");
        if (worker.MergedInto is { } survivor)
            return Results.Redirect(WorkerLinks.Of(survivor) + "/probable-duplicates", permanent: true, preserveMethod: true);
        var (nameKey, birth, phoneKey) = (worker.NameKey, worker.BirthDate, worker.FamilyPhoneKey);
        var candidates = session.Query<Worker>().Where(w => w.Id != id && w.MergedInto == null);
        candidates = phoneKey is null
            ? candidates.Where(w => w.NameKey == nameKey && w.BirthDate == birth)
            : candidates.Where(w => (w.NameKey == nameKey && w.BirthDate == birth) || w.FamilyPhoneKey == phoneKey);
        var found = await candidates.OrderBy(w => w.Id).Take(100).ToListAsync(http.RequestAborted);
        var caller = Agency.From(http.User);
        return Results.Ok(found.Select(c => new ProbableDuplicate(WorkerSummary.Of(c, caller),
            [
                .. c.NameKey == nameKey && c.BirthDate == birth ? ["name-and-birth-date"] : Array.Empty<string>(),
                .. phoneKey is not null && c.FamilyPhoneKey == phoneKey ? ["family-contact"] : Array.Empty<string>(),
            ])).ToArray());
    }
}
