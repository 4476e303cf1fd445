using System.Security.Cryptography;
using System.Text;
using Coordination.ServiceDefaults;

namespace Coordination.Gateway;

/// <summary>An agency client as configured (section <c>Gateway:Agencies</c>).</summary>
public sealed class AgencyClient
{
    public static readonly string[] Kinds = ["labour-office", "bp3mi-office", "task-force", "integrator", "auditor", "administrator"];

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="Kinds"/>; rate limits are set per kind.</summary>
    public string Kind { get; set; } = "";

    public string Province { get; set; } = "";
    public List<string> Roles { get; set; } = [];

    /// <summary>Its API keys, as hashes only. Two at once while a key is rotated.</summary>
    public List<ApiKey> ApiKeys { get; set; } = [];

    public Agency ToAgency() => new(Id, Province, Roles);
}

/// <summary>
/// One API key of an agency: the SHA-256 of the key (hex), never the key itself. Rotation:
/// add the new key's hash beside the old, let the client move, then revoke or remove the old.
/// </summary>
public sealed class ApiKey
{
    /// <summary>A label to tell keys apart (e.g. the month it was issued); not secret.</summary>
    public string Id { get; set; } = "";

    public string Sha256 { get; set; } = "";

    /// <summary>The key is refused from this moment on (a rotation's deadline), if set.</summary>
    public DateTimeOffset? NotAfter { get; set; }

    public bool Revoked { get; set; }

    public bool ValidAt(DateTimeOffset now) => !Revoked && (NotAfter is not { } end || now < end);
}

public sealed class GatewayOptions
{
    /// <summary>
    /// Accept <c>X-Api-Key: dev-&lt;agency-id&gt;</c> for every configured agency. Only the
    /// Development settings turn it on, and only the Development environment honours it.
    /// </summary>
    public bool DevelopmentKeys { get; set; }

    public List<AgencyClient> Agencies { get; set; } = [];

    /// <summary>The agency holding <paramref name="apiKey"/>, compared by hash in constant time.</summary>
    public AgencyClient? FindByKey(string apiKey, DateTimeOffset now)
    {
        if (DevelopmentKeys && apiKey.StartsWith("dev-", StringComparison.Ordinal))
            return Agencies.Find(a => a.Id == apiKey["dev-".Length..]);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        AgencyClient? found = null;
        // Every key is compared, so that the time taken says nothing about which one matched.
        foreach (var agency in Agencies)
            foreach (var key in agency.ApiKeys)
                if (Matches(key, hash) && key.ValidAt(now)) found ??= agency;
        return found;
    }

    private static bool Matches(ApiKey key, byte[] hash)
    {
        Span<byte> stored = stackalloc byte[32];
        return Convert.FromHexString(key.Sha256, stored, out _, out var written) == System.Buffers.OperationStatus.Done
               && written == 32 && CryptographicOperations.FixedTimeEquals(stored, hash);
    }
}
