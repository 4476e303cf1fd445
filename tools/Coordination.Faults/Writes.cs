using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Coordination.Faults;

/// <summary>
/// A write the suite sends through the gateway. Each carries a token of its own in a person's
/// name, so that its fact can be found in the stores and the log whatever the answer was.
/// </summary>
/// <param name="Schema">the schema of the service that stores it.</param>
/// <param name="StoredType">the stored event (Marten's name) it appends.</param>
/// <param name="Reactions">what other services must store (and publish) once because of it.</param>
public sealed record WriteKind(string Name, string Agency, string Path, string Schema, string StoredType,
    IReadOnlyList<Reaction> Reactions, Func<string, object> Body)
{
    private static readonly Reaction RegisteredByRegistry = new("registry registers the person", "worker_registry", "worker_registered");

    /// <summary>A shelter stay keyed by the intercepted person's id, which only the interception carries.</summary>
    private static readonly Reaction ShelterStay = new("costs opens a shelter stay", "repatriation_costs", "shelter_stay_opened",
        JoinOnWorkerOf: ("interceptions", "interception_recorded", "data->'people'->0->>'workerId'"));

    public static readonly WriteKind Registration = new("registration", "disnakertrans-ntt", "/api/registry/workers",
        "worker_registry", "worker_registered", [],
        token => new { fullName = $"Pendaftar {token}", sex = "female", birthDate = "2001-07-05", originRegion = "53.01.19" });

    public static readonly WriteKind Interception = new("interception", "disnakertrans-kalbar", "/api/interceptions",
        "interceptions", "interception_recorded", [RegisteredByRegistry, ShelterStay],
        token => new
        {
            exitPoint = "PLBN-ENTIKONG", destinationCountry = "MY",
            interceptedAt = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            people = new[] { new { fullName = $"Tertahan {token}", sex = "male", birthDate = "1999-02-03", originRegion = "53.01.06" } },
            reasons = new[] { new { code = "no-documents" } },
        });

    public static readonly WriteKind DeathReport = new("death report", "bp3mi-ntt", "/api/deceased/cases",
        "deceased_returns", "death_reported", [RegisteredByRegistry],
        token => new
        {
            deceased = new { fullName = $"Almarhum {token}", sex = "male", birthDate = "1990-01-01", originRegion = "53.01.06" },
            countryOfDeath = "MY", cityOfDeath = "Kuala Lumpur",
            diedOn = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            cause = "illness", proceduralStatus = "non-procedural", source = "consulate",
            familyContact = new { name = "Maria Rekaan", relation = "wife", phone = "+62 812 3456 7890" },
        });

    public static readonly IReadOnlyList<WriteKind> All = [Registration, Interception, DeathReport];
}

/// <param name="JoinOnWorkerOf">when the stored event carries no token: the event that names its worker.</param>
public sealed record Reaction(string Name, string Schema, string StoredType,
    (string Schema, string Type, string WorkerExpression)? JoinOnWorkerOf = null);

public enum Answer
{
    /// <summary>201: the fact must be stored and logged exactly once.</summary>
    Accepted,

    /// <summary>4xx or 503: nothing may be stored.</summary>
    Refused,

    /// <summary>Another 5xx, a timeout or a broken connection: the client cannot know.</summary>
    Unknown,
}

public sealed record Sent(WriteKind Kind, string Token, Answer Answer, int? Status);

/// <summary>Tokens are letters only (names admit no digits): a run's prefix, then a serial.</summary>
public static class Tokens
{
    public static string NewRun() =>
        "Fx" + new string(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

    public static string Of(string run, int serial)
    {
        var letters = new Stack<char>();
        do
        {
            letters.Push((char)('a' + serial % 26));
            serial /= 26;
        } while (serial > 0);
        return run + new string([.. letters]);
    }
}

/// <summary>Border posts, shelters and BP3MI offices writing at a bounded rate through the gateway.</summary>
public sealed class Load(Uri gateway, int writers, double writesPerSecond)
{
    private readonly Dictionary<string, HttpClient> _clients = WriteKind.All.Select(k => k.Agency).Distinct()
        .ToDictionary(a => a, a =>
        {
            var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Add("X-Api-Key", $"dev-{a}");
            return client;
        });

    /// <summary>Writes until <paramref name="until"/> is cancelled.</summary>
    public async Task<IReadOnlyList<Sent>> RunAsync(string run, CancellationToken until)
    {
        var sent = new List<Sent>();
        var serial = -1;
        var pause = TimeSpan.FromSeconds(writers / writesPerSecond);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            while (!until.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref serial);
                var kind = WriteKind.All[n % WriteKind.All.Count];
                var write = await SendAsync(kind, Tokens.Of(run, n));
                lock (sent) sent.Add(write);
                // A writer whose write failed waits a little longer, as a person at a counter would.
                await Task.Delay(write.Answer == Answer.Accepted ? pause : pause * 3, CancellationToken.None);
            }
        }));
        return sent;
    }

    private async Task<Sent> SendAsync(WriteKind kind, string token)
    {
        try
        {
            using var response = await _clients[kind.Agency].PostAsJsonAsync(kind.Path, kind.Body(token));
            var status = (int)response.StatusCode;
            var answer = response.StatusCode == HttpStatusCode.Created ? Answer.Accepted
                : status is >= 400 and < 500 or 503 ? Answer.Refused
                : Answer.Unknown;
            return new Sent(kind, token, answer, status);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Sent(kind, token, Answer.Unknown, null);
        }
    }
}
