using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry.Companies;
using Coordination.WorkerRegistry.Requests;
using Marten;

namespace Coordination.WorkerRegistry.Workers.Journey;

public sealed record CompleteTrainingRequest(string? TrainingCentre, string? CertificateNumber, string? CompletedOn);

public sealed record RecordDepartureRequest(string? CompanyId, string? DestinationCountry, string? Job, string? DepartedOn);

public sealed record RecordReturnRequest(string? ReturnedOn);

public static class JourneyEndpoints
{
    public static void MapJourney(this RouteGroupBuilder workers)
    {
        workers.MapPost("/{id:guid}/training", (Guid id, CompleteTrainingRequest r, HttpContext http, TimeProvider clock) =>
            {
                var f = new Fields();
                f.Text("trainingCentre", r.TrainingCentre, out var centre, 200);
                f.Text("certificateNumber", r.CertificateNumber, out var certificate, 100);
                f.Date("completedOn", r.CompletedOn, out var completed);
                if (f.Problem is not null) return Task.FromResult(f.Problem);
                var command = new CompleteTraining(id, centre, certificate, completed, Agency.From(http.User).Id, clock.GetUtcNow());
                return http.WriteWorker(id, state => JourneyDecisions.Decide(command, state));
            })
            .AsWorkerWrite("CompleteTraining");

        workers.MapPost("/{id:guid}/departures",
                async (Guid id, RecordDepartureRequest r, HttpContext http, IQuerySession session, TimeProvider clock) =>
                {
                    var f = new Fields();
                    f.Guid("companyId", r.CompanyId, out var companyId);
                    f.Country("destinationCountry", r.DestinationCountry, out var country);
                    f.Text("job", r.Job, out var job, 100);
                    f.Date("departedOn", r.DepartedOn, out var departed);
                    if (f.Problem is not null) return f.Problem;
                    var company = await session.LoadAsync<Company>(companyId, http.RequestAborted);
                    var command = new RecordDeparture(id, companyId, company?.LicenceOn(departed), country, job, departed,
                        Agency.From(http.User).Id, clock.GetUtcNow());
                    return await http.WriteWorker(id, state => JourneyDecisions.Decide(command, state));
                })
            .AsWorkerWrite("RecordDeparture");

        workers.MapPost("/{id:guid}/returns", (Guid id, RecordReturnRequest r, HttpContext http, TimeProvider clock) =>
            {
                var f = new Fields();
                if (!f.Date("returnedOn", r.ReturnedOn, out var returned)) return Task.FromResult(f.Problem!);
                var command = new RecordReturn(id, returned, Agency.From(http.User).Id, clock.GetUtcNow());
                return http.WriteWorker(id, state => JourneyDecisions.Decide(command, state));
            })
            .AsWorkerWrite("RecordReturn");
    }
}
