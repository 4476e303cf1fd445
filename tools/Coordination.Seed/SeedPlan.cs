namespace Coordination.Seed;

public sealed record LicenceAction(string Kind, string TargetStatus, DateOnly EffectiveOn, string Reason);

public sealed record CompanyPlan(
    string Name, string LicenceNumber, string HeadOfficeRegion, string HeadOfficeAddress,
    bool KupangRepresentativeOffice, DateOnly LicenceValidFrom, DateOnly LicenceValidUntil, LicenceAction? Action)
{
    /// <summary>May place workers: not suspended or revoked, and the licence was valid in the seeded years.</summary>
    public bool Places(DateOnly on) => Action is null && LicenceValidFrom <= on && on <= LicenceValidUntil;
}

public sealed record FamilyContact(string Name, string Relation, string Phone);

public sealed record TrainingPlan(string TrainingCentre, string CertificateNumber, DateOnly CompletedOn);

public sealed record DeparturePlan(int Company, string DestinationCountry, string Job, DateOnly DepartedOn);

public sealed record WorkerPlan(
    string Nik, string FullName, string Sex, DateOnly BirthDate, string OriginRegion, string? Phone,
    FamilyContact? FamilyContact, TrainingPlan? Training, DeparturePlan? Departure, DateOnly? ReturnedOn);

public sealed record SeedPlan(IReadOnlyList<CompanyPlan> Companies, IReadOnlyList<WorkerPlan> Workers)
{
    public const string KabupatenKupang = "53.01";

    /// <summary>Departures the data set must show per district of Kabupaten Kupang.</summary>
    public static readonly IReadOnlyDictionary<string, int> KupangFixed =
        new Dictionary<string, int> { ["53.01.06"] = 93, ["53.01.19"] = 68, ["53.01.09"] = 66 };

    public const int KupangDepartures = 795;
    public static readonly DateOnly KupangFrom = new(2023, 1, 1), OthersFrom = new(2022, 1, 1);
    public static readonly DateOnly DeparturesUntil = new(2025, 9, 30), ReturnsUntil = new(2025, 10, 31);

    /// <summary>Every rule the brief sets for the data set; empty when the plan keeps them all.</summary>
    public IEnumerable<string> Problems()
    {
        var niks = Workers.GroupBy(w => w.Nik).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (niks.Count > 0) yield return $"duplicate NIKs: {string.Join(", ", niks.Take(5))}";
        foreach (var w in Workers)
        {
            if (w.Nik.Length != 16 || !w.Nik.All(char.IsAsciiDigit)) yield return $"{w.Nik}: not 16 digits";
            if (w.BirthDate.Year is < 1975 or > 2006) yield return $"{w.Nik}: born {w.BirthDate}";
            if (w.Departure is not { } d) continue;
            var from = w.OriginRegion.StartsWith(KabupatenKupang + ".", StringComparison.Ordinal) ? KupangFrom : OthersFrom;
            if (d.DepartedOn < from || d.DepartedOn > DeparturesUntil) yield return $"{w.Nik}: departed {d.DepartedOn}";
            if (!Companies[d.Company].Places(d.DepartedOn)) yield return $"{w.Nik}: company {d.Company} cannot place on {d.DepartedOn}";
            if (w.Training is { } t && (t.CompletedOn > d.DepartedOn.AddMonths(-1) || t.CompletedOn < d.DepartedOn.AddMonths(-6)))
                yield return $"{w.Nik}: trained {t.CompletedOn}, departed {d.DepartedOn}";
            if (w.ReturnedOn is { } r && (r <= d.DepartedOn || r > ReturnsUntil)) yield return $"{w.Nik}: returned {r}";
        }
        var kupang = KupangDeparturesByDistrict();
        if (kupang.Values.Sum() != KupangDepartures) yield return $"{kupang.Values.Sum()} departures from {KabupatenKupang}, not {KupangDepartures}";
        foreach (var (district, count) in KupangFixed)
            if (kupang.GetValueOrDefault(district) != count) yield return $"{district}: {kupang.GetValueOrDefault(district)} departures, not {count}";
        var smallest = KupangFixed.Values.Min();
        foreach (var (district, count) in kupang)
            if (!KupangFixed.ContainsKey(district) && count >= smallest) yield return $"{district}: {count} departures reach {smallest}";
    }

    public Dictionary<string, int> KupangDeparturesByDistrict() =>
        Workers.Where(w => w.Departure is not null && w.OriginRegion.StartsWith(KabupatenKupang + ".", StringComparison.Ordinal))
            .GroupBy(w => w.OriginRegion).ToDictionary(g => g.Key, g => g.Count());
}
