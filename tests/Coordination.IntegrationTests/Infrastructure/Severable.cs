using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Coordination.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback TCP link to the run's PostgreSQL that a test can sever (every connection through
/// it closed, new ones refused) and restore: a real outage of the database, for only the
/// service pointed at it, while the rest of the stack keeps its own connections.
/// </summary>
public sealed class Severable : IAsyncDisposable
{
    private readonly DnsEndPoint _server;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    private Severable(string postgres)
    {
        var target = new NpgsqlConnectionStringBuilder(postgres);
        _server = new DnsEndPoint(target.Host!, target.Port);
        Port = Ports.Free();
        ConnectionString = new NpgsqlConnectionStringBuilder(postgres) { Host = "127.0.0.1", Port = Port }.ConnectionString;
    }

    public int Port { get; }

    /// <summary>The run's database, through this link.</summary>
    public string ConnectionString { get; }

    public static Severable To(string postgres)
    {
        var link = new Severable(postgres);
        link.Restore();
        return link;
    }

    public void Restore()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Sever()
    {
        _stop.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var outbound = new TcpClient();
            lock (_open) _open.AddRange([inbound, outbound]);
            _ = PumpAsync(inbound, outbound, ct);
        }
    }

    private async Task PumpAsync(TcpClient inbound, TcpClient outbound, CancellationToken ct)
    {
        try
        {
            await outbound.ConnectAsync(_server.Host, _server.Port, ct);
            var from = inbound.GetStream();
            var to = outbound.GetStream();
            await Task.WhenAny(from.CopyToAsync(to, ct), to.CopyToAsync(from, ct));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Sever();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
