using System.Text.RegularExpressions;
using Coordination.Eventing;

namespace Coordination.DeceasedReturns.Cases.Repatriation;

public sealed record LegRequest(string? From, string? To, string? ExpectedArrival);

public sealed record RepatriationRequest(string? Carrier, string? AirWaybill, IReadOnlyList<LegRequest>? Legs);

public sealed record DepartureRequest(string? DepartedAt);

public sealed record ArrivalRequest(string? ArrivedAt);

public static partial class RepatriationEndpoints
{
    public const int MaxLegs = 6;

    public static void MapRepatriation(this RouteGroupBuilder deceased)
    {
        deceased.MapStep("/repatriation", "ArrangeRepatriation", (Guid id, RepatriationRequest r, Fields f, Call c) =>
        {
            f.Text("carrier", r.Carrier, out var carrier, 100);
            var waybill = r.AirWaybill?.Trim() ?? "";
            if (!AirWaybill().IsMatch(waybill)) c.Malformed("airWaybill", "airWaybill is an air waybill number: airline prefix and serial, such as 126-12345675.");
            if (r.Legs is { Count: > MaxLegs }) c.Malformed("legs", $"At most {MaxLegs} legs.");
            Leg[] legs = [.. f.Each("legs", r.Legs).Take(MaxLegs).Select((l, i) => new Leg(Airport(c, $"legs[{i}].from", l.From),
                Airport(c, $"legs[{i}].to", l.To), f.Moment($"legs[{i}].expectedArrival", l.ExpectedArrival, out var eta) ? eta : default))];
            return s => RepatriationDecisions.Decide(new ArrangeRepatriation(id, carrier, waybill, legs, c.By, c.Now), s);
        });
        deceased.MapStep("/departure", "DepartRemains", (Guid id, DepartureRequest r, Fields f, Call c) =>
        {
            var at = f.Optional<DateTimeOffset>("departedAt", r.DepartedAt, f.Moment) ?? c.Now;
            return s => RepatriationDecisions.Decide(new DepartRemains(id, at, c.By, c.Now), s);
        });
        deceased.MapStep("/arrival", "ConfirmRemainsArrival", (Guid id, ArrivalRequest r, Fields f, Call c) =>
        {
            var at = f.Optional<DateTimeOffset>("arrivedAt", r.ArrivedAt, f.Moment) ?? c.Now;
            return s => RepatriationDecisions.Decide(new ConfirmArrival(id, at, c.By, c.Province, c.Now), s);
        });
    }

    private static string Airport(Call c, string field, string? code)
    {
        if (code is not null && IataCode().IsMatch(code)) return code;
        c.Malformed(field, $"{field} is an IATA airport code such as KUL, CGK or KOE.");
        return "";
    }

    [GeneratedRegex(@"^[A-Z]{3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IataCode();

    [GeneratedRegex(@"^[0-9]{3}-[0-9]{8}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AirWaybill();
}
