using Coordination.Contracts;
using Coordination.Eventing;

namespace Coordination.Interceptions.Interceptions.Recording;

/// <param name="KnownOrigins">origin regions of the people given by id, as the registry published them (absent: unknown).</param>
public sealed record RecordInterception(
    Guid InterceptionId, string ExitPoint, DateTimeOffset InterceptedAt, string? DestinationCountry,
    IReadOnlyList<PersonReference> People, IReadOnlyDictionary<Guid, string> KnownOrigins, IReadOnlyList<Reason> Reasons,
    Recruiter? Recruiter, string? PoliceCaseNumber, string RecordedBy, string RecorderProvince, DateTimeOffset Now);

public static class RecordInterceptionDecision
{
    public static Decision Decide(RecordInterception c, Interception? state)
    {
        if (state is not null) return new StateConflict("Already recorded", $"Interception {c.InterceptionId} is already recorded.");
        if (ExitPoints.Find(c.ExitPoint) is not { } exit)
            return new RuleBroken("exitPoint", "Unknown exit point", $"{c.ExitPoint} is not an exit point of the reference data.");
        if (exit.Province != c.RecorderProvince)
            return new NotYours("Another province's exit point",
                $"{exit.Name} is in province {exit.Province}; an agency records interceptions in its own province.");
        if (c.InterceptedAt > c.Now.AddMinutes(5))
            return new RuleBroken("interceptedAt", "In the future", "interceptedAt cannot be after now.");
        if (c.People.Count == 0) return new RuleBroken("people", "Nobody stopped", "An interception stops at least one person.");
        if (c.People.Select(p => p.WorkerId).Distinct().Count() != c.People.Count)
            return new RuleBroken("people", "A person twice", "Each person is named once.");
        for (var i = 0; i < c.People.Count; i++)
        {
            var person = c.People[i];
            if (person.Details is null && !c.KnownOrigins.ContainsKey(person.WorkerId))
                return new RuleBroken($"people[{i}].workerId", "Unknown worker",
                    $"Worker {person.WorkerId} is not in the registry; give the person's details instead.");
            if (person.Details is { } d && (!RegionCode.TryParse(d.OriginRegion, out var origin) || !RegionCatalog.IsKnownOrigin(origin)))
                return new RuleBroken($"people[{i}].details.originRegion", "Unknown origin region",
                    $"{d.OriginRegion} is not a district of the reference data.");
        }
        if (c.Reasons.Count == 0) return new RuleBroken("reasons", "No reason", "Say why the people were stopped.");
        if (c.Reasons.Any(r => r.Code == ReasonCode.Other && string.IsNullOrWhiteSpace(r.Text)))
            return new RuleBroken("reasons", "Other without text", "A reason \"other\" says what it is.");

        var people = c.People.Select(p => new StoppedPerson(p.WorkerId, p.Details,
            p.Details?.OriginRegion ?? c.KnownOrigins[p.WorkerId])).ToArray();
        return Decision.Accept(new InterceptionRecorded(c.InterceptionId, exit.Province, exit.Code, c.InterceptedAt, c.DestinationCountry,
            people, c.Reasons, c.Recruiter, c.PoliceCaseNumber, c.RecordedBy, c.Now));
    }
}
