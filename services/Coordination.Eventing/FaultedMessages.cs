using System.Diagnostics.Metrics;
using MassTransit;

namespace Coordination.Eventing;

/// <summary>
/// Counts the messages that kept failing after their retries, in the error pipe, just before
/// MassTransit moves them to the endpoint's <c>&lt;queue&gt;_error</c> queue (from where
/// <c>./coordination replay-errors</c> moves them back once the cause is fixed).
/// </summary>
public sealed class FaultedMessages : IFilter<ExceptionReceiveContext>
{
    public const string MeterName = "Coordination";
    public const string CounterName = "coordination.messages.faulted";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Faulted = Meter.CreateCounter<long>(CounterName, "{message}",
        "Messages moved to an _error queue after their retries, by queue and exception type.");

    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        Faulted.Add(1, new KeyValuePair<string, object?>("queue", context.InputAddress.AbsolutePath.Split('/')[^1]),
            new KeyValuePair<string, object?>("exception", context.Exception.GetType().Name));
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("faultedMessages");
}
