using Coordination.ServiceDefaults;

namespace Coordination.WorkerRegistry.Requests;

public static class Access
{
    /// <summary>Only agencies holding <c>registry:write</c> change the registry.</summary>
    public static TBuilder WritesRegistry<TBuilder>(this TBuilder route) where TBuilder : IEndpointConventionBuilder =>
        route.RequireAuthorization(p => p.RequireClaim(Agency.RoleClaim, Roles.RegistryWrite));

    /// <summary>Answers that are personal data throughout need <c>pii:read</c>.</summary>
    public static TBuilder ReadsPersonalData<TBuilder>(this TBuilder route) where TBuilder : IEndpointConventionBuilder =>
        route.RequireAuthorization(p => p.RequireClaim(Agency.RoleClaim, Roles.PiiRead));
}
