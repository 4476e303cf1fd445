using MassTransit;

namespace Coordination.Contracts.RepatriationCosts;

/// <summary>A person was admitted to a shelter (penampungan) of <see cref="Province"/>, at a tariff per night.</summary>
[EntityName("coordination.repatriation-costs.shelter-stay-opened.v1")]
[MessageUrn("coordination.repatriation-costs.shelter-stay-opened.v1")]
[Classified(DataClassification.Internal)]
public sealed record ShelterStayOpened(Guid StayId, Guid WorkerId, string Province, string Shelter, long NightTariff, DateOnly OpenedOn,
    string OpenedBy, DateTimeOffset RecordedAt);

/// <param name="Reason">departed, local-employment, absconded, transferred or other.</param>
[EntityName("coordination.repatriation-costs.shelter-stay-closed.v1")]
[MessageUrn("coordination.repatriation-costs.shelter-stay-closed.v1")]
[Classified(DataClassification.Internal)]
public sealed record ShelterStayClosed(Guid StayId, Guid WorkerId, DateOnly ClosedOn, int Nights, string Reason, string ClosedBy,
    DateTimeOffset RecordedAt);
