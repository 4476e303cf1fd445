using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Coordination.IntegrationTests.Infrastructure;

/// <summary>
/// One service (or the gateway) hosted in the test process on Kestrel, on a loopback port
/// of its own: calls to it cross real sockets, as they do in production.
/// <typeparamref name="TEntryPoint"/> is any type of the app's assembly (the generated
/// <c>Program</c> classes of several apps would clash).
/// </summary>
public sealed class ServiceApp<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ServiceApp(int port, IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        Port = port;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}

public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
