using Coordination.Contracts.WorkerRegistry;
using Coordination.Eventing;
using Coordination.WorkerRegistry.Companies;
using Coordination.WorkerRegistry.Companies.Licensing;
using Coordination.WorkerRegistry.Companies.Registering;
using static Coordination.WorkerRegistry.Tests.Given;

namespace Coordination.WorkerRegistry.Tests;

public class CompanyTests
{
    private static ChangeLicence Change(LicenceChange change, DateOnly on, DateOnly? until = null) =>
        new(CompanyId, change, on, until, "audit", "bp3mi-ntt", Now);

    private static Company After(Company company, ChangeLicence change) =>
        ChangeLicenceDecision.Decide(change, company).Events.Aggregate(company, (c, e) => CompanyEvolution.Evolve(c, e)!);

    [Theory]
    [InlineData("2019-12-31", false)] // not yet valid
    [InlineData("2020-01-01", true)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-03-01", false)] // suspended from 1 March
    [InlineData("2026-06-01", true)] // reinstated from 1 June
    [InlineData("2031-01-01", false)] // expired
    public void A_company_may_recruit_on_a_day_its_licence_is_valid_and_active(string day, bool may)
    {
        var company = After(After(Company(), Change(LicenceChange.Suspended, new DateOnly(2026, 3, 1))),
            Change(LicenceChange.Reinstated, new DateOnly(2026, 6, 1)));

        Assert.Equal(may, company.LicenceOn(DateOnly.Parse(day)).MayRecruit);
    }

    [Fact]
    public void Given_a_revoked_licence_Then_the_company_may_not_recruit_from_that_day_and_nothing_changes_it_any_more()
    {
        var revoked = After(Company(), Change(LicenceChange.Revoked, new DateOnly(2026, 3, 1)));

        Assert.True(revoked.LicenceOn(new DateOnly(2026, 2, 28)).MayRecruit);
        Assert.False(revoked.LicenceOn(new DateOnly(2026, 3, 1)).MayRecruit);
        Assert.IsType<StateConflict>(ChangeLicenceDecision.Decide(Change(LicenceChange.Reinstated, new DateOnly(2026, 4, 1)), revoked).Error);
    }

    [Fact]
    public void Given_a_suspended_licence_When_suspended_again_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(ChangeLicenceDecision.Decide(Change(LicenceChange.Suspended, new DateOnly(2026, 4, 1)),
            After(Company(), Change(LicenceChange.Suspended, new DateOnly(2026, 3, 1)))).Error);

    [Fact]
    public void Given_an_active_licence_When_reinstated_Then_it_is_a_state_conflict() =>
        Assert.IsType<StateConflict>(ChangeLicenceDecision.Decide(Change(LicenceChange.Reinstated, new DateOnly(2026, 4, 1)), Company()).Error);

    [Fact]
    public void Given_a_change_dated_before_the_last_one_Then_the_effectiveOn_rule_is_broken() =>
        Assert.Equal("effectiveOn", Assert.IsType<RuleBroken>(ChangeLicenceDecision.Decide(
            Change(LicenceChange.Reinstated, new DateOnly(2026, 2, 1)),
            After(Company(), Change(LicenceChange.Suspended, new DateOnly(2026, 3, 1)))).Error).Field);

    [Fact]
    public void Given_a_renewal_Then_the_company_may_recruit_in_the_new_period()
    {
        var renewed = After(Company(until: new DateOnly(2025, 12, 31)),
            Change(LicenceChange.Renewed, new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31)));

        Assert.True(renewed.LicenceOn(new DateOnly(2027, 1, 1)).MayRecruit);
        Assert.Equal(new DateOnly(2030, 12, 31), renewed.Licence.ValidUntil);
    }

    [Fact]
    public void Given_a_renewal_that_does_not_extend_the_licence_Then_the_validUntil_rule_is_broken() =>
        Assert.Equal("validUntil", Assert.IsType<RuleBroken>(ChangeLicenceDecision.Decide(
            Change(LicenceChange.Renewed, new DateOnly(2026, 1, 1), new DateOnly(2029, 1, 1)), Company()).Error).Field);

    [Fact]
    public void Given_no_company_When_its_licence_changes_Then_it_is_missing() =>
        Assert.IsType<Missing>(ChangeLicenceDecision.Decide(Change(LicenceChange.Suspended, new DateOnly(2026, 1, 1)), null).Error);

    [Theory]
    [InlineData("31", true)] // Jakarta: only the province is in the reference data
    [InlineData("31.71", true)]
    [InlineData("53.71", true)]
    [InlineData("53.99", false)]
    [InlineData("99", false)]
    public void A_head_office_is_in_a_known_region(string region, bool known)
    {
        var command = new RegisterCompany(CompanyId, "PT Contoh", "P3MI-1", new DateOnly(2020, 1, 1), new DateOnly(2030, 1, 1),
            Region(region), "Jl. Contoh 1", false, "bp3mi-ntt", Now);

        Assert.Equal(known, RegisterCompanyDecision.Decide(command, null).Error is null);
    }

    [Fact]
    public void Given_a_licence_that_ends_before_it_starts_Then_the_rule_is_broken() =>
        Assert.Equal("licenceValidUntil", Assert.IsType<RuleBroken>(RegisterCompanyDecision.Decide(new RegisterCompany(CompanyId,
            "PT Contoh", "P3MI-1", new DateOnly(2030, 1, 1), new DateOnly(2020, 1, 1), Region("31"), "Jl. Contoh 1", false,
            "bp3mi-ntt", Now), null).Error).Field);
}
