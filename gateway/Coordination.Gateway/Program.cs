using Coordination.Gateway;
using Coordination.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddAgencyAuthentication();
builder.AddProxy();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapAggregatedOpenApi();
app.MapReverseProxy();
app.Run();
