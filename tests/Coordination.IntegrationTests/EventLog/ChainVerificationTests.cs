using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using Npgsql;

namespace Coordination.IntegrationTests.EventLog;

[Collection(StackCollection.Name)]
public class ChainVerificationTests(CoordinationStack stack)
{
    [Fact]
    public async Task A_row_altered_in_PostgreSQL_is_reported_as_the_first_broken_position_until_it_is_restored()
    {
        using var ntt = stack.ClientFor("disnakertrans-ntt");
        using var auditor = stack.ClientFor("agreement-secretariat");
        using var created = await ntt.Register(Workers.Minimal("Tamper Fiktif"));
        var subject = Workers.SubjectOf(created);
        var position = await Feeds.Logged(stack, subject);
        Assert.True((await Verify(auditor)).GetProperty("intact").GetBoolean());

        await using var db = NpgsqlDataSource.Create(stack.Postgres);
        var data = await Data(db, position);
        await Update(db, position, data.Replace("Tamper Fiktif", "Someone Else", StringComparison.Ordinal));
        try
        {
            var broken = await Verify(auditor);

            Assert.False(broken.GetProperty("intact").GetBoolean());
            Assert.Equal(position, broken.GetProperty("firstBrokenPosition").GetInt64());
            Assert.Equal(position - 1, broken.GetProperty("verified").GetInt64());
        }
        finally
        {
            await Update(db, position, data);
        }
        Assert.True((await Verify(auditor)).GetProperty("intact").GetBoolean());
    }

    private static async Task<JsonElement> Verify(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/events/verify");

    private static async Task<string> Data(NpgsqlDataSource db, long position)
    {
        await using var select = db.CreateCommand("select data from event_log.entries where position = $1");
        select.Parameters.Add(new() { Value = position });
        return (string)(await select.ExecuteScalarAsync())!;
    }

    private static async Task Update(NpgsqlDataSource db, long position, string data)
    {
        await using var update = db.CreateCommand("update event_log.entries set data = $2 where position = $1");
        update.Parameters.Add(new() { Value = position });
        update.Parameters.Add(new() { Value = data });
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }
}
