using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry.Requests;
using Marten;

namespace Coordination.WorkerRegistry.Companies.Registering;

public sealed record RegisterCompanyRequest(
    string? Name,
    string? LicenceNumber,
    string? LicenceValidFrom,
    string? LicenceValidUntil,
    string? HeadOfficeRegion,
    string? HeadOfficeAddress,
    bool? KupangRepresentativeOffice);

public static class RegisterCompanyEndpoint
{
    public static void MapRegisterCompany(this RouteGroupBuilder companies) =>
        companies.MapPost("/", async (RegisterCompanyRequest r, HttpContext http, IQuerySession session, TimeProvider clock) =>
            {
                var now = clock.GetUtcNow();
                var f = new Fields();
                f.Text("name", r.Name, out var name, Fields.MaxNameLength);
                f.Text("licenceNumber", r.LicenceNumber, out var licence, 50);
                f.Date("licenceValidFrom", r.LicenceValidFrom, out var from);
                f.Date("licenceValidUntil", r.LicenceValidUntil, out var until);
                f.Region("headOfficeRegion", r.HeadOfficeRegion, out var region);
                f.Text("headOfficeAddress", r.HeadOfficeAddress, out var address);
                if (f.Problem is not null) return f.Problem;

                if (await UniqueClaim.OwnerOf(session, LicenceClaims.Kind, LicenceClaims.Normal(licence), http.RequestAborted) is { } holder)
                    return Problems.AlreadyHeld(http, CompanyLinks.Of(holder), $"A company with licence {licence} is already registered.");

                var command = new RegisterCompany(Guid.CreateVersion7(now), name, LicenceClaims.Normal(licence), from, until, region,
                    address, r.KupangRepresentativeOffice ?? false, Agency.From(http.User).Id, now);
                return await http.StartStream<Company>(command.CompanyId, () => RegisterCompanyDecision.Decide(command, null),
                    written => Results.Created(CompanyLinks.Of(command.CompanyId),
                        CompanyView.Of(written.After(CompanyEvolution.Evolve)!, now)));
            })
            .WritesRegistry()
            .WithName("RegisterCompany")
            .Produces<CompanyView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
