using Coordination.ServiceDefaults;

namespace Coordination.Gateway;

/// <summary>An agency client as configured (section <c>Agencies</c>).</summary>
public sealed class AgencyClient
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>labour-office, bp3mi-office, task-force, integrator, auditor, administrator.</summary>
    public string Kind { get; set; } = "";

    public string Province { get; set; } = "";
    public List<string> Roles { get; set; } = [];

    public Agency ToAgency() => new(Id, Province, Roles);
}

public sealed class GatewayOptions
{
    /// <summary>
    /// Accept <c>X-Api-Key: dev-&lt;agency-id&gt;</c> for every configured agency. Only the
    /// Development settings turn it on.
    /// </summary>
    public bool DevelopmentKeys { get; set; }

    public List<AgencyClient> Agencies { get; set; } = [];

    public AgencyClient? FindByKey(string apiKey) =>
        DevelopmentKeys && apiKey.StartsWith("dev-", StringComparison.Ordinal)
            ? Agencies.Find(a => a.Id == apiKey["dev-".Length..])
            : null;
}
