using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Coordination.Bench;

/// <summary>An accepted write, by the log entry it must become: its subject and the stream version its ETag gave.</summary>
public readonly record struct Accepted(string Subject, string Sequence, long AnsweredAt);

/// <summary>What one write answered: its status, and what it wrote when it was accepted.</summary>
/// <param name="Milliseconds">from sending the request to reading the answer's headers.</param>
public readonly record struct Answer(HttpStatusCode Status, double Milliseconds, Accepted? Written);

/// <summary>
/// The writes the agencies make most: NTT registering a prospective worker (with a NIK), and
/// Kalbar stopping an NTT worker at Entikong and asking NTT to take them over (two writes on one
/// stream). Every request is new: NIKs and people never repeat within a run.
/// </summary>
public sealed class Workload(Target target, int runSeed)
{
    private static readonly string[] Names = ["Yohanes", "Maria", "Yosef", "Agustina", "Fransiskus", "Veronika", "Petrus", "Yuliana"];
    private static readonly string[] Families = ["Nahak", "Seran", "Bria", "Taek", "Manek", "Luan", "Klau", "Mau"];
    private long _next;

    /// <summary>The <paramref name="n"/>-th step of a client: two registrations, then an interception with its handover.</summary>
    public async Task<IReadOnlyList<Answer>> Write(long n, CancellationToken ct) =>
        WritesOf(n) == 1 ? [await Register(ct)] : await InterceptAndHandOver(ct);

    /// <summary>The writes (requests) the <paramref name="n"/>-th step makes.</summary>
    public static int WritesOf(long n) => n % 3 < 2 ? 1 : 2;

    private async Task<Answer> Register(CancellationToken ct)
    {
        var i = Interlocked.Increment(ref _next);
        var (name, female, birth) = Person(i);
        // NIK: 53.01.06 (Kupang Timur), birth date with 40 added to the day for women, a serial.
        var day = birth.Day + (female ? 40 : 0);
        var nik = string.Create(CultureInfo.InvariantCulture, $"530106{day:00}{birth.Month:00}{birth.Year % 100:00}{i % 9999 + 1:0000}");
        var body = new
        {
            nik, fullName = name, sex = female ? "female" : "male", birthDate = Iso(birth), originRegion = "53.01.06",
        };
        var sent = Stopwatch.GetTimestamp();
        using var response = await target.Post("worker-registry", "disnakertrans-ntt", "/api/registry/workers", body, ct);
        return Read(response, sent, "worker");
    }

    private async Task<IReadOnlyList<Answer>> InterceptAndHandOver(CancellationToken ct)
    {
        var (name, female, birth) = Person(Interlocked.Increment(ref _next));
        var interception = new
        {
            exitPoint = "PLBN-ENTIKONG", destinationCountry = "MY", reasons = new[] { new { code = "no-documents" } },
            people = new[] { new { fullName = name, sex = female ? "female" : "male", birthDate = Iso(birth), originRegion = "53.01.06" } },
        };
        var sent = Stopwatch.GetTimestamp();
        using var recorded = await target.Post("interceptions", "disnakertrans-kalbar", "/api/interceptions", interception, ct);
        var first = Read(recorded, sent, "interception");
        if (first.Written is null) return [first];

        using var view = JsonDocument.Parse(await recorded.Content.ReadAsStreamAsync(ct));
        var id = view.RootElement.GetProperty("id").GetString();
        var person = view.RootElement.GetProperty("people")[0].GetProperty("workerId").GetString();
        sent = Stopwatch.GetTimestamp();
        using var requested = await target.Post("interceptions", "disnakertrans-kalbar", $"/api/interceptions/{id}/handovers",
            new { people = new[] { person }, shelter = "Rumah Perlindungan Sementara Entikong" }, ct);
        return [first, Read(requested, sent, "interception", id)];
    }

    /// <summary>The accepted write's log key: <c>&lt;aggregate&gt;/&lt;id&gt;</c> (from Location unless given) and the ETag's version.</summary>
    private static Answer Read(HttpResponseMessage response, long sent, string aggregate, string? id = null)
    {
        var at = Stopwatch.GetTimestamp();
        var ms = Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds;
        if (!response.IsSuccessStatusCode) return new Answer(response.StatusCode, ms, null);
        id ??= response.Headers.Location!.OriginalString.TrimEnd('/').Split('/')[^1];
        var version = response.Headers.ETag!.Tag.Trim('"');
        return new Answer(response.StatusCode, ms, new Accepted($"{aggregate}/{id}", version, at));
    }

    private (string Name, bool Female, DateOnly Birth) Person(long i)
    {
        var female = i % 2 == 0;
        var given = Names[(int)(i % Names.Length) / 2 * 2 + (female ? 1 : 0)];
        var name = $"{given} {Families[(int)(i / Names.Length % Families.Length)]}";
        // A run's own stretch of birth dates, so that a second run's NIKs do not collide with the first's.
        var birth = new DateOnly(1975, 1, 1).AddDays((int)((runSeed + i / 9999) % 10_950));
        return (name, female, birth);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Where writes go: through the gateway with an agency's key, or straight to a service with a token minted for it.</summary>
public sealed class Target(HttpClient http, Func<string, Uri>? directAddress, Func<string, string, string>? mint)
{
    public bool Direct => directAddress is not null;

    public Task<HttpResponseMessage> Post(string service, string agency, string path, object body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, directAddress is null ? new Uri(path, UriKind.Relative) : new Uri(directAddress(service), path))
        {
            Content = JsonContent.Create(body),
        };
        if (mint is null) request.Headers.Add("X-Api-Key", $"dev-{agency}");
        else request.Headers.Authorization = new("Bearer", mint(agency, service));
        return http.SendAsync(request, ct);
    }
}
