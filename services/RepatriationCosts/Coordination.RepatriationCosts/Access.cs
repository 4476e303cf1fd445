using Coordination.Eventing;
using Coordination.ServiceDefaults;

namespace Coordination.RepatriationCosts;

public static class Access
{
    /// <summary>A write by a party's agency (<c>costs:write</c>); whose party it acts for is checked by the decision.</summary>
    public static RouteHandlerBuilder WritesCosts<T>(this RouteHandlerBuilder route, string name, int success) =>
        route.RequireAuthorization(p => p.RequireClaim(Agency.RoleClaim, Roles.CostsWrite)).Writes<T>(name, success);

    /// <summary>A write of the agreement's secretariat (<c>agreement:admin</c>).</summary>
    public static RouteHandlerBuilder AdministersAgreement<T>(this RouteHandlerBuilder route, string name, int success) =>
        route.RequireAuthorization(p => p.RequireClaim(Agency.RoleClaim, Roles.AgreementAdmin)).Writes<T>(name, success);

    /// <summary>
    /// Lines, cases, stays and statements are for the parties and the secretariat; integrators
    /// see totals only.
    /// </summary>
    public static RouteHandlerBuilder ReadsCosts<T>(this RouteHandlerBuilder route, string name) => route
        .RequireAuthorization(p => p.RequireAssertion(c =>
            c.User.HasClaim(Agency.RoleClaim, Roles.CostsWrite) || c.User.HasClaim(Agency.RoleClaim, Roles.AgreementAdmin)))
        .WithName(name)
        .Produces<T>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static RouteHandlerBuilder Writes<T>(this RouteHandlerBuilder route, string name, int success) =>
        route.WithName(name).Produces<T>(success).ProducesWriteProblems();
}
