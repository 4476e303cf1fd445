using Coordination.Contracts.WorkerRegistry;
using Coordination.Eventing;
using Marten;
using MassTransit;

namespace Coordination.Interceptions.Origins;

/// <summary>
/// The placement companies and their licences as the registry publishes them, so that an
/// interception can flag a recruiter without a valid licence on the day.
/// </summary>
public sealed record KnownCompany(Guid Id, string Name, string LicenceNumber, PlacementLicence Licence);

public sealed class PlacementCompanyRegisteredConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<PlacementCompanyRegistered>
{
    public Task Consume(ConsumeContext<PlacementCompanyRegistered> context) => context.HandleOnceAsync(session, WorkerOrigins.Queue, clock.GetUtcNow(), s =>
        {
            var m = context.Message;
            s.Store(new KnownCompany(m.CompanyId, m.Name, m.LicenceNumber, PlacementLicence.Granted(m.LicenceValidFrom, m.LicenceValidUntil)));
            return Task.CompletedTask;
        });
}

public sealed class PlacementCompanyLicenceChangedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<PlacementCompanyLicenceChanged>
{
    public Task Consume(ConsumeContext<PlacementCompanyLicenceChanged> context) => context.HandleOnceAsync(session, WorkerOrigins.Queue, clock.GetUtcNow(), async s =>
        {
            var m = context.Message;
            // The registry publishes a company's events in order, on one stream; a change before its registration is retried.
            var company = await s.LoadAsync<KnownCompany>(m.CompanyId, context.CancellationToken)
                ?? throw new InvalidOperationException($"Company {m.CompanyId} is not known yet.");
            s.Store(company with { Licence = company.Licence.With(m.Change, m.EffectiveOn, m.ValidUntil, m.Reason) });
        });
}
