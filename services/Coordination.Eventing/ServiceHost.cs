using Coordination.ServiceDefaults;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Eventing;

/// <summary>What makes a service itself: its name, what it registers, what it maps.</summary>
public interface IServiceModule
{
    /// <summary>
    /// e.g. <c>worker-registry</c>: the internal token's audience, the telemetry service
    /// name, the CloudEvents source <c>/services/&lt;name&gt;</c>.
    /// </summary>
    static abstract string Name { get; }

    static abstract void Add(WebApplicationBuilder builder);

    static abstract void Map(WebApplication app);
}

public static class ServiceHost
{
    /// <summary>Builds and runs a service: the shared defaults around the module.</summary>
    public static void Run<TModule>(string[] args) where TModule : IServiceModule
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(TModule.Name);
        builder.AddInternalTokenAuthentication(TModule.Name);
        // A field the endpoint does not know is refused (400 naming it), not dropped: a misspelt
        // optional field would otherwise vanish, and a client could believe it set what it cannot.
        // A number is a JSON number ("100" is not 100), as the amounts' own reader already insists.
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        TModule.Add(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.UseAuthentication();
        app.UseAuthorization();
        TModule.Map(app);
        app.Run();
    }
}
