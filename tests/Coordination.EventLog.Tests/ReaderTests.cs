using Coordination.EventLog.Access;
using Coordination.EventLog.Log;
using Coordination.ServiceDefaults;

namespace Coordination.EventLog.Tests;

public class ReaderTests
{
    private static readonly DataSharingOptions Sharing = new()
    {
        Agreements =
        {
            ["integrator-unicef"] = new() { Name = "PKS 7/2026", Provinces = ["53"], EventTypes = ["coordination.interceptions.*"], PersonalData = true },
            ["integrator-demo"] = new() { Name = "Demo", Provinces = ["53", "61"], EventTypes = ["*"] },
        },
    };

    [Fact]
    public void An_integrator_without_an_agreement_reads_nothing() =>
        Assert.Null(Reader.For(new Agency("integrator-unknown", "", [Roles.FeedRead]), Sharing));

    [Fact]
    public void An_agency_of_the_agreement_between_the_provinces_reads_everything_with_personal_data_as_its_role_allows()
    {
        var ntt = Reader.For(new Agency("disnakertrans-ntt", "53", [Roles.PiiRead]), Sharing)!;
        var secretariat = Reader.For(new Agency("agreement-secretariat", "", [Roles.AgreementAdmin]), Sharing)!;

        Assert.Equal((null, null, true), (ntt.Provinces, ntt.Types, ntt.PersonalData));
        Assert.False(secretariat.PersonalData);
    }

    [Theory]
    [InlineData(new[] { Roles.FeedRead }, false)]
    [InlineData(new[] { Roles.FeedRead, Roles.PiiRead }, true)]
    public void An_integrator_sees_personal_data_only_when_its_agreement_and_its_role_both_allow_it(string[] roles, bool personal)
    {
        Assert.Equal(personal, Reader.For(new Agency("integrator-unicef", "", roles), Sharing)!.PersonalData);
        Assert.False(Reader.For(new Agency("integrator-demo", "", [.. roles]), Sharing)!.PersonalData);
    }

    [Fact]
    public void An_integrator_reads_only_the_provinces_and_types_of_its_agreement()
    {
        var reader = Reader.For(new Agency("integrator-unicef", "", [Roles.FeedRead]), Sharing)!;

        Assert.Equal((LogFilter?)null, reader.Narrow(new LogFilter(null, ["61"], null)).Filter);
        Assert.Equal("province", reader.Narrow(new LogFilter(null, ["61"], null)).Beyond);
        Assert.Equal("type", reader.Narrow(new LogFilter(["coordination.worker-registry.worker-registered.v1"], null, null)).Beyond);
        Assert.Equal("type", reader.Narrow(new LogFilter(["*"], null, null)).Beyond);
        var narrowed = reader.Narrow(new LogFilter(["coordination.interceptions.handover-accepted.v1"], null, "handover/1")).Filter!;
        Assert.Equal(["53"], narrowed.Provinces!);
        Assert.Equal(["coordination.interceptions.handover-accepted.v1"], narrowed.Types!);
        Assert.True(reader.MayReceive(Record("coordination.interceptions.interception-recorded.v1", "53")));
        Assert.False(reader.MayReceive(Record("coordination.interceptions.interception-recorded.v1", "61")));
        Assert.False(reader.MayReceive(Record("coordination.worker-registry.worker-registered.v1", "53")));
    }

    [Fact]
    public void An_entry_of_the_whole_agreement_is_every_province_s()
    {
        var reader = Reader.For(new Agency("integrator-unicef", "", [Roles.FeedRead]), Sharing)!;

        Assert.True(reader.MayReceive(Record("coordination.interceptions.handover-accepted.v1", "")));
        Assert.False(reader.MayReceive(Record("coordination.worker-registry.worker-registered.v1", "")));
        Assert.Equal("all.repatriation-costs.clearing-period-closed",
            Coordination.EventLog.Exchange.ExchangePublisher.RoutingKey(Record("coordination.repatriation-costs.clearing-period-closed.v1", "")));
        Assert.Equal("61.interceptions.handover-accepted",
            Coordination.EventLog.Exchange.ExchangePublisher.RoutingKey(Record("coordination.interceptions.handover-accepted.v1", "61")));
    }

    private static LogRecord Record(string type, string province) =>
        new(Guid.NewGuid(), type, "/services/x", "x/1", province, "1", DateTimeOffset.UnixEpoch, null, "internal", "{}");
}
