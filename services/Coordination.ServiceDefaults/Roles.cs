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

    /// <summary>Posts the cost lines its own agency paid, and approves or disputes its own side of a clearing statement.</summary>
    public const string CostsWrite = "costs:write";

    /// <summary>Sets the agreement's cost-sharing rules and opens and closes clearing periods.</summary>
    public const string AgreementAdmin = "agreement:admin";

    /// <summary>Reports deaths abroad and records the steps of returning the remains.</summary>
    public const string DeceasedWrite = "deceased:write";

    /// <summary>Reads the shared event feed and statistics (integrators).</summary>
    public const string FeedRead = "feed:read";

    /// <summary>Reads the gateway's audit trail of every call (auditors).</summary>
    public const string AuditRead = "audit:read";

    /// <summary>May see personal data (name, NIK, birth date, phone, family contact) unredacted.</summary>
    public const string PiiRead = "pii:read";
}
