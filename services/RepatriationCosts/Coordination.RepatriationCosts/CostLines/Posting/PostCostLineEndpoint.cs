using System.Text.Json;
using Coordination.Contracts;
using Coordination.Eventing;
using Coordination.RepatriationCosts.Agreement;
using Coordination.RepatriationCosts.Cases;
using Coordination.RepatriationCosts.Parties;
using Coordination.RepatriationCosts.ShelterStays;
using Coordination.ServiceDefaults;
using Marten;
using Microsoft.Extensions.Options;

namespace Coordination.RepatriationCosts.CostLines.Posting;

/// <param name="Amount">a JSON number of whole rupiah.</param>
public sealed record PostCostLineRequest(string? CaseId, string? Category, JsonElement? Amount, string? Date, string? EvidenceReference,
    string? Description);

public sealed record BillStayRequest(string? EvidenceReference, string? Description);

public static class PostCostLineEndpoint
{
    public const int MaxReferenceLength = 100;

    public static void MapPostCostLine(this RouteGroupBuilder costs)
    {
        costs.MapPost("/lines", (PostCostLineRequest r, HttpContext http, IQuerySession session, IOptions<CostOptions> options, TimeProvider clock) =>
            {
                var f = new Fields();
                f.Guid("caseId", r.CaseId, out var caseId);
                f.Choice<CostCategory>("category", r.Category, out var category);
                var amount = WholeRupiah(r.Amount);
                f.Date("date", r.Date, out var date);
                f.Text("evidenceReference", r.EvidenceReference, out var evidence, MaxReferenceLength);
                var description = f.OptionalText("description", r.Description);
                if (f.Problem is not null) return Task.FromResult(f.Problem);
                if (amount is null) return Task.FromResult(Problems.Malformed("amount", "amount is a whole number of rupiah, as a JSON number."));
                return Post(http, session, options.Value, clock, caseId, new Paid(category, amount.Value, date), evidence, description);
            })
            .WritesCosts<CostLine>("PostCostLine", StatusCodes.Status201Created);

        costs.MapPost("/stays/{id:guid}/bill", async (Guid id, BillStayRequest r, HttpContext http, IQuerySession session,
                IOptions<CostOptions> options, TimeProvider clock) =>
            {
                var f = new Fields();
                f.Text("evidenceReference", r.EvidenceReference, out var evidence, MaxReferenceLength);
                var description = f.OptionalText("description", r.Description);
                if (f.Problem is not null) return f.Problem;
                if (await session.LoadAsync<ShelterStay>(id, http.RequestAborted) is not { } stay) return Problems.NotFound($"No shelter stay {id}.");
                if (await Claims.StayBiller(session, id, http.RequestAborted) is { } billed)
                    return Problems.AlreadyHeld(http, $"/api/costs/lines/{billed}", "The stay's nights are billed already; reverse that line to bill again.");
                return await Post(http, session, options.Value, clock, stay.WorkerId, new StayNights(stay), evidence, description);
            })
            .WritesCosts<CostLine>("BillShelterStay", StatusCodes.Status201Created);
    }

    private static async Task<IResult> Post(HttpContext http, IQuerySession session, CostOptions options, TimeProvider clock, Guid caseId,
        Costed what, string evidence, string? description)
    {
        var ct = http.RequestAborted;
        var caller = Agency.From(http.User);
        if (await Claims.EvidenceHolder(session, caller.Id, evidence, ct) is { } holder)
            return Problems.AlreadyHeld(http, $"/api/costs/lines/{holder}", $"Your agency already posted evidence {evidence}.");
        var (file, origin) = await Cases.Cases.Find(session, caseId, ct);
        var rules = (await session.LoadAsync<SharingAgreement>(SharingAgreement.StreamId, ct))?.Versions ?? [];
        var now = clock.GetUtcNow();
        var command = new PostCostLine(Guid.CreateVersion7(now), caseId, file, origin, what, Parties.Parties.ActingFor(caller), caller.Id,
            evidence, description, rules, options.MaxLineAmount, Wita.DayOf(now), now);
        return await http.StartStream<CostLine>(command.LineId, () => PostCostLineDecision.Decide(command, null),
            written => Results.Created($"/api/costs/lines/{command.LineId}", written.After(CostLineEvolution.Evolve)));
    }

    /// <summary>A whole number of rupiah as a JSON number: 1.5, "1000" and 1e3 are malformed.</summary>
    public static long? WholeRupiah(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } n && !n.GetRawText().Any(c => c is '.' or 'e' or 'E') && n.TryGetInt64(out var amount)
            ? amount : null;
}
