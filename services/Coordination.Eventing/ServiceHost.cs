using Coordination.ServiceDefaults;
using Microsoft.AspNetCore.Builder;

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
        TModule.Add(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.UseAuthentication();
        app.UseAuthorization();
        TModule.Map(app);
        app.Run();
    }
}
