using Coordination.Contracts.WorkerRegistry;
using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Coordination.WorkerRegistry.Requests;

namespace Coordination.WorkerRegistry.Companies.Licensing;

public sealed record ChangeLicenceRequest(string? EffectiveOn, string? ValidUntil, string? Reason);

public static class ChangeLicenceEndpoint
{
    private static readonly Dictionary<string, LicenceChange> Actions = new()
    {
        ["suspend"] = LicenceChange.Suspended,
        ["reinstate"] = LicenceChange.Reinstated,
        ["revoke"] = LicenceChange.Revoked,
        ["renew"] = LicenceChange.Renewed,
    };

    public static void MapChangeLicence(this RouteGroupBuilder companies) =>
        companies.MapPost("/{id:guid}/licence/{action:regex(^(suspend|reinstate|revoke|renew)$)}",
                async (Guid id, string action, ChangeLicenceRequest r, HttpContext http, TimeProvider clock) =>
                {
                    var now = clock.GetUtcNow();
                    var f = new Fields();
                    f.Date("effectiveOn", r.EffectiveOn, out var effective);
                    f.Text("reason", r.Reason, out var reason);
                    var until = f.Optional<DateOnly>("validUntil", r.ValidUntil, f.Date);
                    if (f.Problem is not null) return f.Problem;

                    var command = new ChangeLicence(id, Actions[action], effective, until, reason, Agency.From(http.User).Id, now);
                    return await http.WriteStream<Company>(id, state => ChangeLicenceDecision.Decide(command, state),
                        written => Results.Ok(CompanyView.Of(written.After(CompanyEvolution.Evolve)!, now)));
                })
            .WritesRegistry()
            .WithName("ChangeCompanyLicence")
            .Produces<CompanyView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
