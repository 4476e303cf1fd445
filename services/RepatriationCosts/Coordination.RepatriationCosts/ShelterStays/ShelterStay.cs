
namespace Coordination.RepatriationCosts.ShelterStays;

public enum StayEnd
{
    Departed,
    LocalEmployment,
    Absconded,
    Transferred,
    Other,
}

/// <param name="Tariff">whole rupiah per night, fixed when the stay opened.</param>
public sealed record ShelterStayOpened(Guid StayId, Guid WorkerId, string Province, string Shelter, long Tariff, DateOnly OpenedOn,
    string OpenedBy, DateTimeOffset RecordedAt);

public sealed record ShelterStayClosed(Guid StayId, Guid WorkerId, string Province, DateOnly ClosedOn, int Nights, StayEnd Reason, string ClosedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// A person's stay in a shelter (penampungan) of the intercepting province. Nights accrue from
/// the day of admission to the day before leaving, at the stay's tariff; the stay is billed once
/// as one shelter-night cost line after it closed.
/// </summary>
public sealed record ShelterStay(Guid Id, Guid WorkerId, string Province, string Shelter, long Tariff, DateOnly OpenedOn,
    DateOnly? ClosedOn, StayEnd? Reason, long Version)
{
    public int Nights => ClosedOn is { } closed ? closed.DayNumber - OpenedOn.DayNumber : 0;

    /// <summary>Each night by the day it starts.</summary>
    public IEnumerable<DateOnly> NightDates => Enumerable.Range(0, Nights).Select(OpenedOn.AddDays);
}

public static class ShelterStayEvolution
{
    public static ShelterStay? Evolve(ShelterStay? state, object @event) => @event switch
    {
        ShelterStayOpened e => new ShelterStay(e.StayId, e.WorkerId, e.Province, e.Shelter, e.Tariff, e.OpenedOn, null, null, 1),
        ShelterStayClosed e when state is not null => state with { ClosedOn = e.ClosedOn, Reason = e.Reason, Version = state.Version + 1 },
        _ => state,
    };
}

public sealed class ShelterStayProjection() : EvolvedProjection<ShelterStay>(ShelterStayEvolution.Evolve, typeof(ShelterStayOpened), typeof(ShelterStayClosed));
