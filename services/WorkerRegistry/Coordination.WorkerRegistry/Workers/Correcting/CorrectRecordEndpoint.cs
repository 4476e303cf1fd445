using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry.Requests;
using Coordination.WorkerRegistry.Workers.Reading;
using Coordination.WorkerRegistry.Workers.Registering;
using Marten;

namespace Coordination.WorkerRegistry.Workers.Correcting;

/// <summary>Only the fields to correct, and why.</summary>
public sealed record CorrectRecordRequest(
    string? FullName,
    string? Sex,
    string? BirthDate,
    string? OriginRegion,
    string? Nik,
    string? Phone,
    FamilyContactRequest? FamilyContact,
    string? Reason);

public static class CorrectRecordEndpoint
{
    public static void MapCorrectRecord(this RouteGroupBuilder workers) =>
        workers.MapPost("/{id:guid}/corrections",
                async (Guid id, CorrectRecordRequest r, HttpContext http, IQuerySession session, TimeProvider clock) =>
                {
                    var f = new Fields();
                    var name = f.OptionalText("fullName", r.FullName, f.Name);
                    var sex = f.Optional<Sex>("sex", r.Sex, f.Sex);
                    var birth = f.Optional<DateOnly>("birthDate", r.BirthDate, f.Date);
                    var origin = f.Optional<RegionCode>("originRegion", r.OriginRegion, f.Region);
                    var nik = f.Optional<Nik>("nik", r.Nik, f.Nik);
                    var phone = f.OptionalText("phone", r.Phone, f.Phone);
                    var family = r.FamilyContact is null ? null : RegisterWorkerEndpoint.FamilyContactOf(r.FamilyContact, f);
                    f.Text("reason", r.Reason, out var reason);
                    if (f.Problem is not null) return f.Problem;
                    if (Versions.Required(http) is { } missing) return missing;

                    if (nik is { } given && await session.HolderOf(given, http.RequestAborted) is { } holder && holder != id)
                        return Problems.AlreadyHeld(http, WorkerLinks.Of(holder),
                            $"Worker {holder} holds this NIK: if they are the same person, merge the two records.");

                    var command = new CorrectRecord(id, name, sex, birth, origin, nik, phone, family, reason,
                        Agency.From(http.User).Id, clock.GetUtcNow());
                    return await http.WriteWorker(id, state => CorrectRecordDecision.Decide(command, state));
                })
            .AsWorkerWrite("CorrectWorkerRecord");
}
