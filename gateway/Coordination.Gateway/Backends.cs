using Yarp.ReverseProxy;

namespace Coordination.Gateway;

/// <summary>The services behind the gateway, as YARP's clusters name them.</summary>
public static class Backends
{
    public const string Client = "backends";

    /// <summary>Each cluster (= service name) with an address of one of its instances for <paramref name="path"/>.</summary>
    public static IEnumerable<(string Service, Uri Address)> Each(IProxyStateLookup proxy, string path) =>
        proxy.GetClusters()
            .Where(c => !c.Destinations.IsEmpty)
            .OrderBy(c => c.ClusterId, StringComparer.Ordinal)
            .Select(c => (c.ClusterId, new Uri(new Uri(c.Destinations.Values.First().Model.Config.Address), path)));
}
