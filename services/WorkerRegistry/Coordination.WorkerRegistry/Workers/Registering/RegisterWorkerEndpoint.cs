using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry.Requests;
using Coordination.WorkerRegistry.Workers.Reading;
using Marten;

namespace Coordination.WorkerRegistry.Workers.Registering;

/// <summary>The request as sent: every field a string, so that a bad one is named in the answer.</summary>
public sealed record RegisterWorkerRequest(
    string? Nik,
    string? FullName,
    string? Sex,
    string? BirthDate,
    string? OriginRegion,
    string? Phone,
    FamilyContactRequest? FamilyContact,
    string? Source);

public sealed record FamilyContactRequest(string? Name, string? Relation, string? Phone);

public static class RegisterWorkerEndpoint
{
    public static void MapRegisterWorker(this RouteGroupBuilder workers) =>
        workers.MapPost("/", async (RegisterWorkerRequest request, HttpContext http, IQuerySession session, TimeProvider clock) =>
            {
                var now = clock.GetUtcNow();
                var fields = new Fields();
                if (Parse(request, fields, Agency.From(http.User), now) is not { } command) return fields.Problem!;
                if (command.Nik is { } nik && await session.HolderOf(nik, http.RequestAborted) is { } holder)
                    return Problems.AlreadyHeld(http, WorkerLinks.Of(holder), "A worker with this NIK is already registered.");

                return await http.StartStream<Worker>(command.WorkerId,
                    () => RegisterWorkerDecision.Decide(command, null),
                    written => Results.Created(WorkerLinks.Of(command.WorkerId), WorkerWrites.ViewAfter(written, Agency.From(http.User))));
            })
            .WritesRegistry()
            .WithName("RegisterWorker")
            .Produces<WorkerView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static RegisterWorker? Parse(RegisterWorkerRequest r, Fields f, Agency caller, DateTimeOffset now)
    {
        var nik = f.Optional<Nik>("nik", r.Nik, f.Nik);
        f.Name("fullName", r.FullName, out var name);
        f.Sex("sex", r.Sex, out var sex);
        f.Date("birthDate", r.BirthDate, out var birth);
        f.Region("originRegion", r.OriginRegion, out var origin);
        var phone = f.OptionalText("phone", r.Phone, f.Phone);
        var family = r.FamilyContact is null ? null : FamilyContactOf(r.FamilyContact, f);
        var source = RecordSource.LtsaRegistration;
        if (r.Source is not null) f.Choice("source", r.Source, out source);

        return f.Problem is null
            ? new RegisterWorker(Guid.CreateVersion7(now), nik, name, sex, birth, origin, phone, family, source, caller.Id, now)
            : null;
    }

    public static FamilyContact? FamilyContactOf(FamilyContactRequest r, Fields f) =>
        f.Name("familyContact.name", r.Name, out var name) & f.Text("familyContact.relation", r.Relation, out var relation, 50)
                                                          & f.Phone("familyContact.phone", r.Phone, out var phone)
            ? new FamilyContact(name, relation, phone)
            : null;
}
