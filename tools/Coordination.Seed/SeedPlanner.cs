using Coordination.Contracts;
namespace Coordination.Seed;

/// <summary>
/// Builds the data set from one fixed-seed Random, drawn in a fixed order, so every run
/// (and every machine: seeded System.Random keeps its sequence across .NET versions) sends
/// the same requests. That sameness is what lets a re-run find everything already there.
/// </summary>
public sealed class SeedPlanner
{
    private const int Seed = 530106;
    private const int TotalWorkers = 3000;
    private const int OtherDepartures = 420;

    private static readonly string[] MaleNames = ["Yohanes", "Markus", "Petrus", "Yosef", "Agustinus", "Fransiskus", "Daniel", "Stefanus", "Paulus", "Andreas", "Mikael", "Simon"];
    private static readonly string[] FemaleNames = ["Maria", "Yuliana", "Agustina", "Fransiska", "Elisabeth", "Margaretha", "Veronika", "Kristina", "Anastasia", "Theresia", "Regina", "Helena"];
    private static readonly string[] FamilyNames = ["Fiktif", "Contoh", "Rekaan", "Sampel", "Tiruan", "Karangan"];
    private static readonly string[] Relations = ["mother", "father", "spouse", "sibling"];

    // Where people from NTT go, and the work each destination takes them for.
    private static readonly (string Country, int Weight, string[] Jobs)[] Destinations =
    [
        ("MY", 45, ["plantation worker", "factory worker", "domestic worker"]),
        ("HK", 15, ["domestic worker", "caregiver"]),
        ("SG", 12, ["domestic worker", "caregiver"]),
        ("TW", 16, ["factory worker", "caregiver"]),
        ("SA", 12, ["domestic worker"]),
    ];

    private readonly Random rng = new(Seed);
    private readonly Dictionary<string, int> serials = new();
    private int certificates;

    public SeedPlan Create()
    {
        var companies = Companies();
        var placing = Enumerable.Range(0, companies.Count).Where(i => companies[i].Places(SeedPlan.OthersFrom)).ToList();
        var workers = new List<WorkerPlan>();
        foreach (var (district, count) in KupangAllocation())
            for (var i = 0; i < count; i++)
                workers.Add(Departing(district, SeedPlan.KupangFrom, placing));

        var elsewhere = RegionCatalog.DistrictsUnder("53").Where(d => d.Parent != SeedPlan.KabupatenKupang).ToList();
        for (var i = 0; i < OtherDepartures; i++)
            workers.Add(Departing(Pick(elsewhere).Code, SeedPlan.OthersFrom, placing));

        // Registered and still at home: anywhere in NTT, Kabupaten Kupang included.
        var ntt = RegionCatalog.DistrictsUnder("53");
        while (workers.Count < TotalWorkers)
            workers.Add(Registered(Pick(ntt).Code, maxBirth: new DateOnly(2006, 12, 31)));
        return new SeedPlan(companies, workers);
    }

    private static List<CompanyPlan> Companies()
    {
        DateOnly from = new(2020, 1, 1), until = new(2030, 12, 31);
        CompanyPlan Company(int n, string name, string region, string city, bool kupangOffice, LicenceAction? action = null,
            DateOnly? validFrom = null, DateOnly? validUntil = null) =>
            new($"PT {name} (fiktif)", $"SEED-P3MI-{n:000}", region, $"Jl. Contoh No. {n}, {city} (fiktif)",
                kupangOffice, validFrom ?? from, validUntil ?? until, action);
        return
        [
            Company(1, "Contoh Karya Mandiri", "31", "Jakarta Timur", true),
            Company(2, "Sampel Jasa Tenaga Kerja", "31", "Jakarta Selatan", true),
            Company(3, "Rekaan Bina Sejahtera", "35", "Surabaya", true),
            Company(4, "Fiktif Mitra Utama", "32", "Bekasi", false),
            Company(5, "Contoh Nusa Penempatan", "53.71", "Kota Kupang", false),
            Company(6, "Sampel Timur Raya", "35", "Malang", true),
            Company(7, "Rekaan Flobamora Jaya", "53.71", "Kota Kupang", false),
            Company(8, "Contoh Sasando Abadi", "31", "Jakarta Utara", false),
            Company(9, "Sampel Lintas Samudra", "32", "Bandung", true),
            Company(10, "Rekaan Lama Sentosa", "31", "Jakarta Barat", true, validFrom: new(2015, 1, 1), validUntil: new(2019, 12, 31)),
            Company(11, "Contoh Tertunda Makmur", "35", "Sidoarjo", true,
                new LicenceAction("suspend", "suspended", new(2025, 6, 1), "Seed data: licence suspended pending an audit (fiktif)")),
            Company(12, "Sampel Dicabut Perkasa", "31", "Jakarta Pusat", false,
                new LicenceAction("revoke", "revoked", new(2024, 11, 15), "Seed data: licence revoked after placements without contracts (fiktif)")),
        ];
    }

    /// <summary>
    /// The fixed counts for the three named districts; the rest of the 795 shared over the other
    /// districts by weights in [1, 2), so no share exceeds twice the mean (about 2 × 27) and none reaches 66.
    /// </summary>
    private IEnumerable<(string District, int Count)> KupangAllocation()
    {
        foreach (var (district, count) in SeedPlan.KupangFixed)
            yield return ((RegionCatalog.Find(district) ?? throw new InvalidOperationException($"{district} is not in the reference data")).Code, count);
        var others = RegionCatalog.DistrictsUnder(SeedPlan.KabupatenKupang).Where(d => !SeedPlan.KupangFixed.ContainsKey(d.Code)).ToList();
        var rest = SeedPlan.KupangDepartures - SeedPlan.KupangFixed.Values.Sum();
        var weights = others.Select(_ => 1 + rng.NextDouble()).ToArray();
        var exact = weights.Select(w => w / weights.Sum() * rest).ToArray();
        var counts = exact.Select(x => (int)x).ToArray();
        // Largest remainders take the units the rounding down left over.
        foreach (var i in Enumerable.Range(0, others.Count).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(rest - counts.Sum()))
            counts[i]++;
        for (var i = 0; i < others.Count; i++) yield return (others[i].Code, counts[i]);
    }

    private WorkerPlan Departing(string district, DateOnly from, List<int> placing)
    {
        var departedOn = Date(from, SeedPlan.DeparturesUntil);
        var (country, _, jobs) = PickDestination();
        var departure = new DeparturePlan(Pick(placing), country, Pick(jobs), departedOn);
        // At least 19 at departure, so the worker was of age when training too.
        var maxBirth = departedOn.AddYears(-19) < new DateOnly(2006, 12, 31) ? departedOn.AddYears(-19) : new DateOnly(2006, 12, 31);
        var worker = Registered(district, maxBirth);
        var training = rng.NextDouble() < 0.5
            ? new TrainingPlan(district.StartsWith("53.01.", StringComparison.Ordinal) ? "BLK Kupang" : Pick(["BLK Kupang", "BLK Maumere", "BLK Waingapu"]),
                $"SEED-BLK-{++certificates:00000}", Date(departedOn.AddMonths(-6), departedOn.AddMonths(-1)))
            : null;
        var latestReturn = departedOn.AddYears(2) < SeedPlan.ReturnsUntil ? departedOn.AddYears(2) : SeedPlan.ReturnsUntil;
        DateOnly? returnedOn = rng.NextDouble() < 0.10 ? Date(departedOn.AddDays(30), latestReturn) : null;
        return worker with { Training = training, Departure = departure, ReturnedOn = returnedOn };
    }

    private WorkerPlan Registered(string district, DateOnly maxBirth)
    {
        var female = rng.Next(2) == 0;
        var birth = Date(new DateOnly(1975, 1, 1), maxBirth);
        var family = Pick(FamilyNames);
        var name = $"{Pick(female ? FemaleNames : MaleNames)} {family}";
        var phone = rng.NextDouble() < 0.6 ? Phone() : null;
        var contact = rng.NextDouble() < 0.4
            ? new FamilyContact($"{Pick(rng.Next(2) == 0 ? FemaleNames : MaleNames)} {family}", Pick(Relations), Phone())
            : null;
        return new WorkerPlan(Nik(district, birth, female), name, female ? "female" : "male", birth, district, phone, contact, null, null, null);
    }

    /// <summary>
    /// District of origin without dots, DDMMYY (+40 on the day for women), then a serial per
    /// prefix. Serials start at 9001 so seeded NIKs stay clear of hand-typed examples ending 0001.
    /// </summary>
    private string Nik(string district, DateOnly birth, bool female)
    {
        var prefix = $"{district.Replace(".", "", StringComparison.Ordinal)}{birth.Day + (female ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}";
        var serial = serials[prefix] = serials.GetValueOrDefault(prefix, 9000) + 1;
        return $"{prefix}{serial:0000}";
    }

    // A block of numbers, not random real-looking ones, so nobody is texted by a demo.
    private string Phone() => $"0812000{rng.Next(100_000):00000}";

    private (string Country, int Weight, string[] Jobs) PickDestination()
    {
        var roll = rng.Next(Destinations.Sum(d => d.Weight));
        foreach (var d in Destinations)
            if ((roll -= d.Weight) < 0) return d;
        throw new InvalidOperationException("unreachable");
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private DateOnly Date(DateOnly from, DateOnly until) => from.AddDays(rng.Next(until.DayNumber - from.DayNumber + 1));
}
