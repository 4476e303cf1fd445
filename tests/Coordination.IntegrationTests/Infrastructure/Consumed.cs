using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Infrastructure;

/// <summary>Counts how often a service has finished consuming a message id, so a test can wait for a redelivery.</summary>
public sealed class Consumed : IConsumeObserver, IDisposable
{
    private readonly Guid _messageId;
    private readonly ConnectHandle _handle;
    private int _times;

    private Consumed(IServiceProvider service, Guid messageId)
    {
        _messageId = messageId;
        _handle = service.GetRequiredService<IBus>().ConnectConsumeObserver(this);
    }

    public static Consumed Watch(IServiceProvider service, Guid messageId) => new(service, messageId);

    public int Times => Volatile.Read(ref _times);

    public Task WaitFor(int times, TimeSpan within) =>
        Eventually.Get(() => Task.FromResult(Times >= times ? "" : null), within, $"message {_messageId} consumed {times} times");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId == _messageId) Interlocked.Increment(ref _times);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public void Dispose() => _handle.Disconnect();
}
