using System.Security.Cryptography;
using System.Text;

namespace Coordination.EventLog.Webhooks;

/// <summary>
/// Signatures as the Standard Webhooks specification defines them: HMAC-SHA256 with the
/// endpoint's secret (<c>whsec_</c> + base64 key) over <c>{webhook-id}.{webhook-timestamp}.{body}</c>,
/// sent as <c>webhook-signature: v1,&lt;base64&gt;</c>.
/// </summary>
public static class Signature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
