using System.Globalization;
using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.ServiceDefaults;

namespace Coordination.WorkerRegistry.Workers.Registering;

/// <summary>The request as sent: every field a string, so that a bad one is named in the answer.</summary>
public sealed record RegisterWorkerRequest(string? Nik, string? FullName, string? Sex, string? BirthDate, string? OriginRegion);

public static class RegisterWorkerEndpoint
{
    public const int MaxNameLength = 200;

    public static void MapRegisterWorker(this RouteGroupBuilder workers) =>
        workers.MapPost("/", async (RegisterWorkerRequest request, HttpContext http, TimeProvider clock) =>
            {
                var (command, problem) = Parse(request, Agency.From(http.User), clock.GetUtcNow());
                if (command is null) return problem!;
                return await http.WriteStream<Worker>(command.WorkerId,
                    state => RegisterWorkerDecision.Decide(command, state),
                    (events, _) => Results.Created($"/api/registry/workers/{command.WorkerId}",
                        events.Aggregate((Worker?)null, WorkerEvolution.Evolve)));
            })
            .RequireAuthorization(p => p.RequireClaim(Agency.RoleClaim, Roles.RegistryWrite))
            .WithName("RegisterWorker")
            .Produces<Worker>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static (RegisterWorker?, IResult?) Parse(RegisterWorkerRequest r, Agency caller, DateTimeOffset now)
    {
        Nik? nik = null;
        if (r.Nik is not null)
        {
            if (!Nik.TryParse(r.Nik, out var parsed)) return Bad("nik", "A NIK is 16 digits.");
            nik = parsed;
        }
        if (string.IsNullOrWhiteSpace(r.FullName) || r.FullName.Length > MaxNameLength || r.FullName.Any(char.IsControl))
            return Bad("fullName", $"A full name is 1–{MaxNameLength} characters without control characters.");
        if (r.Sex switch { "male" => Sex.Male, "female" => Sex.Female, _ => (Sex?)null } is not { } sex)
            return Bad("sex", "sex is \"male\" or \"female\".");
        if (!DateOnly.TryParseExact(r.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return Bad("birthDate", "birthDate is a date as YYYY-MM-DD.");
        if (!RegionCode.TryParse(r.OriginRegion, out var origin))
            return Bad("originRegion", "originRegion is a Kemendagri region code such as 53.01.06.");

        return (new RegisterWorker(Guid.CreateVersion7(now), nik, r.FullName.Trim(), sex, birth, origin, caller.Id, now), null);

        static (RegisterWorker?, IResult?) Bad(string field, string detail) => (null, Problems.Malformed(field, detail));
    }
}
