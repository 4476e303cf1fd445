using Coordination.Gateway;
using Coordination.Gateway.Audit;
using Coordination.Gateway.Idempotency;
using Coordination.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddGatewayDatabase();
builder.AddAgencyAuthentication();
builder.AddGatewayLimits();
builder.AddIdempotency();
builder.AddAudit();
builder.AddProxy();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseAuditTrail();
app.UseBodyLimit();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapAggregatedOpenApi();
app.MapAudit();
app.MapReverseProxy(proxy =>
{
    proxy.UseMiddleware<IdempotencyMiddleware>();
    // What the parameterless MapReverseProxy would add.
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.Run();
