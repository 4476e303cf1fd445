using Coordination.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.IntegrationTests.Infrastructure;

public static class Relay
{
    /// <summary>
    /// Publishes <paramref name="message"/> on <paramref name="service"/>'s bus with the id and
    /// headers its relay would give a stored event, for services whose own use cases do not
    /// publish it yet.
    /// </summary>
    public static Task PublishAs<T>(this IServiceProvider service, T message, Guid eventId, string subject, string province)
        where T : class =>
        service.GetRequiredService<IBus>().Publish(message, context =>
        {
            context.MessageId = eventId;
            context.Headers.Set(IntegrationHeaders.Subject, subject);
            context.Headers.Set(IntegrationHeaders.Province, province);
            context.Headers.Set(IntegrationHeaders.Sequence, "1");
            context.Headers.Set(IntegrationHeaders.Time, DateTimeOffset.UtcNow.ToString("O"));
        });
}
