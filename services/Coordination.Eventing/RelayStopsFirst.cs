using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Coordination.Eventing;

/// <summary>
/// On shutdown, stops the async daemon (and so the relay, after the page it is publishing, at
/// its checkpoint) before the bus, which would otherwise stop first (hosted services stop in
/// reverse order of registration, and services add their event store before their messaging)
/// and cancel the relay's publishes mid-page. Registered after MassTransit, so stopped before it.
/// </summary>
internal sealed class RelayStopsFirst(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        services.GetService<IProjectionCoordinator>()?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
