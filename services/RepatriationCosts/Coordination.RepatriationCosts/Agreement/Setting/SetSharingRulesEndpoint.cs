using Coordination.Eventing;
using Coordination.ServiceDefaults;
using Marten;

namespace Coordination.RepatriationCosts.Agreement.Setting;

public sealed record ShareRequest(string? Bearer, int? Percent);

public sealed record RuleRequest(string? Category, string? Phase, IReadOnlyList<ShareRequest>? Shares);

public sealed record SetRulesRequest(string? EffectiveFrom, IReadOnlyList<RuleRequest>? Rules);

public static class SetSharingRulesEndpoint
{
    public const int MaxRules = 200;

    public static void MapAgreement(this RouteGroupBuilder costs)
    {
        costs.MapPost("/agreement/rules", (SetRulesRequest r, HttpContext http, TimeProvider clock) =>
            {
                var f = new Fields();
                f.Date("effectiveFrom", r.EffectiveFrom, out var from);
                if ((r.Rules?.Count ?? 0) is 0 or > MaxRules) return Task.FromResult(Problems.Malformed("rules", $"1–{MaxRules} rules."));
                var rules = f.Each("rules", r.Rules).Select((x, i) => new SharingRule(
                    f.Choice<CostCategory>($"rules[{i}].category", x.Category, out var category) ? category : default,
                    f.Choice<Phase>($"rules[{i}].phase", x.Phase, out var phase) ? phase : default,
                    [.. f.Each($"rules[{i}].shares", x.Shares).Select((s, j) => new Share(
                        f.Choice<Bearer>($"rules[{i}].shares[{j}].bearer", s.Bearer, out var bearer) ? bearer : default, s.Percent ?? 0))])).ToArray();
                if (f.Problem is not null) return Task.FromResult(f.Problem);
                var command = new SetSharingRules(from, rules, Agency.From(http.User).Id, clock.GetUtcNow());
                return http.WriteStream<SharingAgreement>(SharingAgreement.StreamId, s => SetSharingRulesDecision.Decide(command, s),
                    written => Results.Created("/api/costs/agreement", written.After(AgreementEvolution.Evolve)));
            })
            .AdministersAgreement<SharingAgreement>("SetSharingRules", StatusCodes.Status201Created);

        costs.MapGet("/agreement", async (IQuerySession session, HttpContext http) =>
            {
                var agreement = await session.LoadAsync<SharingAgreement>(SharingAgreement.StreamId, http.RequestAborted) ?? SharingAgreement.None;
                http.Response.Headers.ETag = Versions.ETag(agreement.Version);
                return Results.Ok(agreement);
            })
            .WithName("GetAgreement")
            .Produces<SharingAgreement>();
    }
}
