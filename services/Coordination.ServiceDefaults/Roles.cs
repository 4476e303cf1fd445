namespace Coordination.ServiceDefaults;

/// <summary>
/// Roles that services check. Agencies hold them as configured at the gateway
/// (gateway/Coordination.Gateway/appsettings.json).
/// </summary>
public static class Roles
{
    public const string RegistryWrite = "registry:write";

    /// <summary>Records interceptions and takes part in handovers (as its own province).</summary>
    public const string InterceptionsWrite = "interceptions:write";

    /// <summary>May see personal data (name, NIK, birth date, phone, family contact) unredacted.</summary>
    public const string PiiRead = "pii:read";
}
