using Coordination.DeceasedReturns.Cases;
using Coordination.DeceasedReturns.Cases.Documents;
using Coordination.Eventing;
using static Coordination.DeceasedReturns.Tests.Given;

namespace Coordination.DeceasedReturns.Tests;

public class DocumentTests
{
    [Fact]
    public void Given_a_received_death_certificate_When_verified_Then_it_is_no_longer_missing_and_says_by_whom()
    {
        var received = Apply(Reported(), DocumentDecisions.Decide(
            new ReceiveDocument(Id, ReturnDocument.DeathCertificate, "KKM-2026-118", "bp3mi-kepri", Now), Reported()));
        var verified = Apply(received, DocumentDecisions.Decide(new VerifyDocument(Id, ReturnDocument.DeathCertificate, "bp3mi-ntt", Now), received));

        var certificate = verified.DocumentOf(ReturnDocument.DeathCertificate)!;
        Assert.Equal(("KKM-2026-118", "bp3mi-kepri", "bp3mi-ntt"), (certificate.Reference, certificate.ReceivedBy, certificate.VerifiedBy));
        Assert.DoesNotContain(ReturnDocument.DeathCertificate, verified.MissingDocuments);
        Assert.Contains(ReturnDocument.DeathCertificate, received.MissingDocuments);
    }

    [Fact]
    public void Given_every_required_document_verified_Then_the_next_step_is_the_repatriation() =>
        Assert.Equal("arrange-repatriation", Documented().NextStep);

    [Fact]
    public void Given_a_document_not_received_When_verified_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(DocumentDecisions.Decide(new VerifyDocument(Id, ReturnDocument.ConsularLetter, "bp3mi-ntt", Now), Reported()).Error);

    [Fact]
    public void Given_a_verified_document_When_verified_or_received_again_Then_it_is_a_state_conflict()
    {
        var documented = Documented();

        Assert.IsType<StateConflict>(DocumentDecisions.Decide(new VerifyDocument(Id, ReturnDocument.FlightManifest, "bp3mi-ntt", Now), documented).Error);
        Assert.IsType<StateConflict>(DocumentDecisions.Decide(
            new ReceiveDocument(Id, ReturnDocument.FlightManifest, "other", "bp3mi-ntt", Now), documented).Error);
    }

    [Fact]
    public void Given_departed_remains_When_a_document_is_received_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(DocumentDecisions.Decide(
            new ReceiveDocument(Id, ReturnDocument.PoliceOrAutopsyReport, "late", "bp3mi-ntt", Now), Departed()).Error);

    [Fact]
    public void Given_no_case_When_a_document_is_received_Then_the_case_is_missing() =>
        Assert.IsType<Missing>(DocumentDecisions.Decide(new ReceiveDocument(Id, ReturnDocument.DeathCertificate, "x", "bp3mi-ntt", Now), null).Error);
}
