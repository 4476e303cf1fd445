using Coordination.Contracts;
using Coordination.DeceasedReturns.Cases;
using Coordination.DeceasedReturns.Publishing;
using Coordination.DeceasedReturns.Cases.Documents;
using Coordination.DeceasedReturns.Cases.Family;
using Coordination.DeceasedReturns.Cases.Repatriation;
using Coordination.DeceasedReturns.Cases.Reporting;
using Coordination.Eventing;
using JasperFx.Events;
using static Coordination.DeceasedReturns.Tests.Given;
using Contract = Coordination.Contracts.DeceasedReturns;

namespace Coordination.DeceasedReturns.Tests;

public class PublishingTests
{
    private static readonly CasePublications Map = new();

    [Fact]
    public void Given_a_death_report_Then_it_is_published_as_DeathReported_under_the_case_id_the_costs_service_links_to()
    {
        var reported = ReportDeathDecision.Decide(Report(CauseOfDeath.Violence), null).Events.Single();

        var publication = Map.Map(new Event<DeathReported>((DeathReported)reported))!;

        var message = Assert.IsType<Contract.DeathReported>(publication.Message);
        Assert.Equal((Id, Worker, Ntt, $"deceased-return/{Id}"), (message.CaseId, message.Deceased.WorkerId, publication.Province, publication.Subject));
        // The cause of death is personal: it stays in this service.
        Assert.DoesNotContain("violence", System.Text.Json.JsonSerializer.Serialize(message, ContractJson.Options));
    }

    [Fact]
    public void Given_every_step_of_a_case_to_its_closure_Then_each_but_a_documents_receipt_is_published_under_the_case()
    {
        var events = new List<object>();
        ReturnCase? state = null;
        void Take(Func<ReturnCase?, Decision> decide)
        {
            var decision = decide(state);
            events.AddRange(decision.Events);
            state = Apply(state, decision);
        }

        Take(s => ReportDeathDecision.Decide(Report(), s));
        foreach (var document in state!.RequiredDocuments)
        {
            Take(s => DocumentDecisions.Decide(new ReceiveDocument(Id, document, "NO-1", "bp3mi-kepri", Now), s));
            Take(s => DocumentDecisions.Decide(new VerifyDocument(Id, document, "bp3mi-ntt", Now), s));
        }
        Take(s => RepatriationDecisions.Decide(Arrange(), s));
        Take(s => RepatriationDecisions.Decide(Depart(), s));
        Take(s => RepatriationDecisions.Decide(Arrive(), s));
        Take(s => FamilyDecisions.Decide(Hand(), s));
        Take(s => FamilyDecisions.Decide(Bury(), s));
        Take(s => FamilyDecisions.Decide(Close(), s));

        Assert.Equal(CaseStage.Closed, state.Stage);
        Assert.All(events.Where(e => e is not DocumentReceived), e => Assert.Equal($"deceased-return/{Id}", Map.Map(Wrap(e))?.Subject));
        Assert.All(events.OfType<DocumentReceived>(), e => Assert.Null(Map.Map(Wrap(e))));
        Assert.Equal(8, events.Select(e => Map.Map(Wrap(e))?.Message.GetType()).OfType<Type>().Distinct().Count()); // one contract per step
    }

    [Fact]
    public void Notice_sources_are_named_as_the_API_takes_them() =>
        Assert.Equal(["consulate", "employer", "bp3mi", "family"], Enum.GetValues<NoticeSource>().Select(ContractJson.NameOf));

    private static IEvent Wrap(object data) => (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
}
