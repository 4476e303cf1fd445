using Coordination.EventLog.Log;

namespace Coordination.EventLog.Tests;

public class StreamOrderTests
{
    private static LogRecord Record(string subject, string sequence, string source = "/services/interceptions") =>
        new(Guid.NewGuid(), "coordination.interceptions.interception-recorded.v1", source, subject, "61", sequence,
            DateTimeOffset.UnixEpoch, null, "internal", "{}");

    [Fact]
    public void A_streams_events_redelivered_out_of_order_are_put_back_in_sequence_order_in_their_places()
    {
        var (second, other, first, third) = (Record("interception/a", "2"), Record("interception/b", "1"), Record("interception/a", "1"),
            Record("interception/a", "10"));
        var group = new List<LogRecord> { third, second, other, first };

        LogAppender.KeepStreamOrder(group, r => r);

        Assert.Equal([first, second, other, third], group);
    }

    [Fact]
    public void The_same_subject_of_two_sources_is_two_streams_and_a_sequence_that_is_no_number_leaves_its_stream_as_it_was()
    {
        var (late, early) = (Record("worker/x", "2"), Record("worker/x", "1", source: "/services/worker-registry"));
        var (odd, one) = (Record("worker/y", "x"), Record("worker/y", "1"));
        var group = new List<LogRecord> { late, early, odd, one };

        LogAppender.KeepStreamOrder(group, r => r);

        Assert.Equal([late, early, odd, one], group);
    }
}
