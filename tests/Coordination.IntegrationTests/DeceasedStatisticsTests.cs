using System.Net.Http.Json;
using System.Text.Json;
using Coordination.IntegrationTests.Infrastructure;
using static Coordination.IntegrationTests.Infrastructure.Returns;

namespace Coordination.IntegrationTests;

/// <summary>
/// "68 bodies of NTT workers returned in the first seven months of 2024, 67 of them non-procedural",
/// reproduced from cases seeded through the API, with two that must not count: one arriving later
/// in August and one whose remains never left.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class DeceasedStatisticsTests(CoordinationStack stack)
{
    private static readonly string[] Regencies = ["53.01.06", "53.01.09", "53.02.01", "53.03.01", "53.04.01"];
    private static readonly string[] Countries = ["MY", "MY", "MY", "SG", "HK"];

    [Fact]
    public async Task Sixty_eight_returned_by_early_August_2024_sixty_seven_of_them_non_procedural()
    {
        using var bp3mi = stack.ClientFor("bp3mi-ntt");
        var arrivals = Enumerable.Range(0, 68).Select(i => new DateTimeOffset(2024, 1 + i % 7, 1 + i % 28, 10, 0, 0, TimeSpan.FromHours(8)))
            .Append(new DateTimeOffset(2024, 8, 20, 10, 0, 0, TimeSpan.FromHours(8)))
            .ToArray();

        await Parallel.ForEachAsync(Enumerable.Range(0, arrivals.Length + 1), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var arrival = i < arrivals.Length ? arrivals[i] : new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
            var @case = await bp3mi.ReportCase(Report(new
                {
                    fullName = $"Jenazah Fiktif {(char)('A' + i % 26)}{(char)('a' + i / 26)}", sex = i % 3 == 0 ? "female" : "male", birthDate = "1992-04-05",
                    originRegion = Regencies[i % Regencies.Length],
                }, cause: i % 10 == 0 ? "accident" : "illness", proceduralStatus: i == 7 ? "procedural" : "non-procedural",
                diedOn: arrival.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                country: Countries[i % Countries.Length]));
            await bp3mi.Documents(@case, i % 10 == 0 ? [.. DocumentsForIllness, "police-or-autopsy-report"] : DocumentsForIllness);
            await bp3mi.Step(@case, "repatriation", Route(arrival));
            if (i == arrivals.Length) return; // still abroad
            await bp3mi.Step(@case, "departure", new { departedAt = Moment(arrival.AddHours(-12)) });
            await bp3mi.Step(@case, "arrival", new { arrivedAt = Moment(arrival) });
        });

        var statistics = await bp3mi.GetFromJsonAsync<JsonElement>("/api/deceased/statistics?from=2024-01-01&to=2024-08-05&province=53");

        Assert.Equal(68, statistics.GetProperty("returned").GetInt64());
        Assert.Equal(67, Tally(statistics, "byProceduralStatus", "non-procedural"));
        Assert.Equal(1, Tally(statistics, "byProceduralStatus", "procedural"));
        Assert.Equal(68, Tally(statistics, "byYear", "2024"));
        Assert.Equal(28, Tally(statistics, "byOriginRegency", "53.01"));
        Assert.Equal(7, Tally(statistics, "byCause", "accident"));
        Assert.Equal(68, statistics.GetProperty("byCountryOfDeath").EnumerateArray().Sum(t => t.GetProperty("count").GetInt64()));
        var later = await bp3mi.GetFromJsonAsync<JsonElement>("/api/deceased/statistics?from=2024-08-06&to=2024-12-31");
        Assert.Equal(1, later.GetProperty("returned").GetInt64());
        Assert.Single(later.GetProperty("byCause").EnumerateArray());

        // One arrival in a period (whose day the shared log shows) would tell an integrator that person's cause of death.
        using var integrator = stack.ClientFor("integrator-demo");
        var seen = await integrator.GetFromJsonAsync<JsonElement>("/api/deceased/statistics?from=2024-08-06&to=2024-12-31");
        Assert.Equal(1, seen.GetProperty("returned").GetInt64());
        Assert.Empty(seen.GetProperty("byCause").EnumerateArray());
        var all = await integrator.GetFromJsonAsync<JsonElement>("/api/deceased/statistics?from=2024-01-01&to=2024-08-05&province=53");
        Assert.Equal(7, Tally(all, "byCause", "accident"));
    }

    private static long Tally(JsonElement statistics, string dimension, string key) =>
        statistics.GetProperty(dimension).EnumerateArray().Single(t => t.GetProperty("key").GetString() == key).GetProperty("count").GetInt64();
}
