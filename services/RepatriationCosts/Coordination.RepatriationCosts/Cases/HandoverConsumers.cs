using Coordination.Contracts;
using Coordination.Contracts.Interceptions;
using Coordination.RepatriationCosts.ShelterStays;
using Marten;
using MassTransit;

namespace Coordination.RepatriationCosts.Cases;

// A handover's steps and the other ways out of the shelter: the phase of the people's
// costs follows the acceptance; their stays close when they depart or leave otherwise.

public sealed class HandoverRequestedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<HandoverRequested>
{
    public Task Consume(ConsumeContext<HandoverRequested> context) => context.File(session, clock, async s =>
    {
        var m = context.Message;
        s.Store(new CaseFile(m.HandoverId, CaseKind.Handover, m.FromProvince, m.ToProvince, m.People, m.HandoverId, null, null));
        await Cases.ChangePeople(s, m.People, c => c with { HandoverId = m.HandoverId, AcceptedOn = null }, context.CancellationToken);
    });
}

public sealed class HandoverAcceptedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<HandoverAccepted>
{
    public Task Consume(ConsumeContext<HandoverAccepted> context) => context.File(session, clock, async s =>
    {
        var m = context.Message;
        var handover = await Cases.Handover(s, m.HandoverId, context.CancellationToken);
        var on = Wita.DayOf(m.AcceptedAt);
        s.Store(handover with { AcceptedOn = on });
        await Cases.ChangePeople(s, handover.People, c => c.HandoverId == m.HandoverId ? c with { AcceptedOn = on } : c, context.CancellationToken);
    });
}

public sealed class HandoverRejectedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<HandoverRejected>
{
    public Task Consume(ConsumeContext<HandoverRejected> context) => context.File(session, clock, async s =>
    {
        var handover = await Cases.Handover(s, context.Message.HandoverId, context.CancellationToken);
        await Cases.ChangePeople(s, handover.People, c => c.HandoverId == handover.Id ? c with { HandoverId = null } : c, context.CancellationToken);
    });
}

public sealed class HandoverDepartedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<HandoverDeparted>
{
    public Task Consume(ConsumeContext<HandoverDeparted> context) => context.File(session, clock, async s =>
    {
        var m = context.Message;
        // Known handover, known people, opened stays: a departure that overtook them waits for them.
        await Departed(s, m.HandoverId, m.People, m.RecordedAt, m.RecordedBy, clock, context.CancellationToken);
    });

    /// <summary>The handover's people leave the shelter on <paramref name="at"/>'s day, once the handover is known.</summary>
    public static async Task Departed(IDocumentSession s, Guid handover, IEnumerable<Guid> people, DateTimeOffset at, string by,
        TimeProvider clock, CancellationToken ct)
    {
        await Cases.Handover(s, handover, ct);
        foreach (var person in people)
            await ShelterStayIntake.Discharge(s, person, Wita.DayOf(at), StayEnd.Departed, by, clock.GetUtcNow(), ct);
    }
}

public sealed class HandoverArrivalConfirmedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<HandoverArrivalConfirmed>
{
    public Task Consume(ConsumeContext<HandoverArrivalConfirmed> context) => context.File(session, clock, async s =>
    {
        var m = context.Message;
        // A late departure message must not leave anyone in the shelter once they are home.
        await HandoverDepartedConsumer.Departed(s, m.HandoverId, m.People, m.ArrivedAt, m.ConfirmedBy, clock, context.CancellationToken);
    });
}

public sealed class LocalEmploymentArrangedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<LocalEmploymentArranged>
{
    public Task Consume(ConsumeContext<LocalEmploymentArranged> context) => context.File(session, clock, s => Cases.LeaveShelter(s,
        context.Message.WorkerId, Wita.DayOf(context.Message.RecordedAt), StayEnd.LocalEmployment, context.Message.RecordedBy, clock, context.CancellationToken));
}

public sealed class AbscondedFromShelterConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<AbscondedFromShelter>
{
    public Task Consume(ConsumeContext<AbscondedFromShelter> context) => context.File(session, clock, s => Cases.LeaveShelter(s,
        context.Message.WorkerId, context.Message.On, StayEnd.Absconded, context.Message.RecordedBy, clock, context.CancellationToken));
}
