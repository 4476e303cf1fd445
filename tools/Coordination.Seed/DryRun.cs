using Coordination.Contracts;
namespace Coordination.Seed;

/// <summary>What a run would load, without calling the API: to check the generator's counts.</summary>
public static class DryRun
{
    public static void Print(SeedPlan plan)
    {
        var departed = plan.Workers.Where(w => w.Departure is not null).ToList();
        var kupang = plan.KupangDeparturesByDistrict();
        Console.WriteLine($"departures from {RegionCatalog.NameOf(SeedPlan.KabupatenKupang)} ({SeedPlan.KabupatenKupang}), {SeedPlan.KupangFrom:yyyy-MM-dd} to {SeedPlan.DeparturesUntil:yyyy-MM-dd}:");
        foreach (var district in RegionCatalog.DistrictsUnder(SeedPlan.KabupatenKupang).OrderByDescending(d => kupang.GetValueOrDefault(d.Code)).ThenBy(d => d.Code))
            Console.WriteLine($"  {district.Code}  {district.Name,-22} {kupang.GetValueOrDefault(district.Code),4}");
        Console.WriteLine($"  {"total",-32} {kupang.Values.Sum(),4}");

        var outside = departed.Count(w => !w.OriginRegion.StartsWith(SeedPlan.KabupatenKupang + ".", StringComparison.Ordinal));
        var byStatus = plan.Companies.GroupBy(c => c.Action?.TargetStatus ?? (c.LicenceValidUntil.Year < 2020 ? "expired" : "active"))
            .Select(g => $"{g.Count()} {g.Key}");
        Console.WriteLine($"""
            companies   {plan.Companies.Count} ({string.Join(", ", byStatus)}), {plan.Companies.Count(c => c.KupangRepresentativeOffice)} with a Kupang office
            workers     {plan.Workers.Count} in {plan.Workers.Select(w => w.OriginRegion).Distinct().Count()} NTT districts ({plan.Workers.Count(w => w.Sex == "female")} women), {plan.Workers.Count(w => w.Phone is not null)} with phone, {plan.Workers.Count(w => w.FamilyContact is not null)} with family contact
            trainings   {plan.Workers.Count(w => w.Training is not null)}
            departures  {departed.Count} ({kupang.Values.Sum()} from {SeedPlan.KabupatenKupang}, {outside} from other NTT regencies, {departed.Min(w => w.Departure!.DepartedOn):yyyy-MM-dd} to {departed.Max(w => w.Departure!.DepartedOn):yyyy-MM-dd})
                        {string.Join(", ", departed.GroupBy(w => w.Departure!.DestinationCountry).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))}
            returns     {plan.Workers.Count(w => w.ReturnedOn is not null)} (latest {plan.Workers.Max(w => w.ReturnedOn):yyyy-MM-dd})
            """);
    }
}
