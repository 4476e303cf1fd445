using System.Text;
using Coordination.EventLog.Webhooks;

namespace Coordination.EventLog.Tests;

public class WebhookTests
{
    [Fact]
    public void A_signature_matches_the_Standard_Webhooks_example()
    {
        var body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

        var signature = Signature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void A_new_secret_is_a_whsec_prefixed_32_byte_key() =>
        Assert.Equal(32, Convert.FromBase64String(Signature.NewSecret()["whsec_".Length..]).Length);

    [Fact]
    public void Retries_wait_twice_as_long_each_time_until_the_last_attempt()
    {
        var options = new WebhookOptions { FirstRetry = TimeSpan.FromSeconds(30), MaxAttempts = 4 };
        var now = DateTimeOffset.UnixEpoch;

        Assert.Equal(
            [now.AddSeconds(30), now.AddSeconds(60), now.AddSeconds(120), null],
            Enumerable.Range(1, 4).Select(failed => Backoff.Next(now, failed, options)));
    }
}
