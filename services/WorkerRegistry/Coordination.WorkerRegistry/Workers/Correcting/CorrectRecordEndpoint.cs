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
                    string? name = null;
                    if (r.FullName is not null) name = f.Name("fullName", r.FullName, out var n) ? n : null;
                    Sex? sex = null;
                    if (r.Sex is not null) sex = f.Sex(r.Sex, out var s) ? s : null;
                    DateOnly? birth = null;
                    if (r.BirthDate is not null) birth = f.Date("birthDate", r.BirthDate, out var b) ? b : null;
                    RegionCode? origin = null;
                    if (r.OriginRegion is not null) origin = f.Region("originRegion", r.OriginRegion, out var o) ? o : null;
                    Nik? nik = null;
                    if (r.Nik is not null) nik = f.Nik(r.Nik, out var k) ? k : null;
                    string? phone = null;
                    if (r.Phone is not null) phone = f.Phone("phone", r.Phone, out var p) ? p : null;
                    var family = r.FamilyContact is null ? null : RegisterWorkerEndpoint.FamilyContactOf(r.FamilyContact, f);
                    f.Text("reason", r.Reason, out var reason);
                    if (f.Problem is not null) return f.Problem;

                    if (nik is { } given && await session.HolderOf(given, http.RequestAborted) is { } holder && holder != id)
                        return Problems.AlreadyHeld(http, WorkerLinks.Of(holder),
                            $"Worker {holder} holds NIK {given}: if they are the same person, merge the two records.");

                    var command = new CorrectRecord(id, name, sex, birth, origin, nik, phone, family, reason,
                        Agency.From(http.User).Id, clock.GetUtcNow());
                    return await http.WriteWorker(id, state => CorrectRecordDecision.Decide(command, state));
                })
            .AsWorkerWrite("CorrectWorkerRecord");
}
