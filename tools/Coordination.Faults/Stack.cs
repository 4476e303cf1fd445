using System.Diagnostics;

namespace Coordination.Faults;

/// <summary>
/// The stack `./coordination faults` started, driven through the same script: it alone knows
/// how this checkout's private servers and services are started and stopped.
/// </summary>
public sealed class Stack(string script)
{
    public static readonly string[] Services = ["worker-registry", "interceptions", "repatriation-costs", "deceased-returns", "event-log"];

    /// <summary>Sends <paramref name="signal"/> to the service's process and waits until it is gone.</summary>
    public Task Kill(string service, string signal = "KILL") => Run("kill", service, signal);

    /// <summary>Starts whatever of the services and the gateway is not running, and waits until all are ready.</summary>
    public Task StartMissing() => Run("start");

    public Task StopBroker() => Run("mq-stop");
    public Task StartBroker() => Run("mq-start");
    public Task StopDatabase() => Run("pg-stop");
    public Task StartDatabase() => Run("pg-start");

    private async Task Run(params string[] args)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("_fault");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{script} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} _fault {string.Join(' ', args)} failed: {await output}{await errors}");
    }
}
