using Coordination.Contracts;
using Coordination.WorkerRegistry.Companies;
using Coordination.WorkerRegistry.Workers;
using Coordination.WorkerRegistry.Workers.Registering;

namespace Coordination.WorkerRegistry.Tests;

/// <summary>States built the way the store builds them: by evolving events.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(8));
    public static readonly Guid Id = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    public static readonly Guid OtherId = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    public static readonly Guid CompanyId = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");

    public static RegionCode Region(string code) => RegionCode.TryParse(code, out var r) ? r : throw new ArgumentException(code);

    public static Nik? NikOf(string? text) => Nik.TryParse(text, out var n) ? n : null;

    public static RegisterWorker Registration(Guid? id = null, string? nik = "5301061203980001", Sex sex = Sex.Male,
        DateOnly? birth = null, string origin = "53.01.06", string name = "Yohanes Contoh", FamilyContact? family = null) =>
        new(id ?? Id, NikOf(nik), name, sex, birth ?? new DateOnly(1998, 3, 12), Region(origin), null, family,
            RecordSource.LtsaRegistration, "disnakertrans-ntt", Now);

    public static Worker Worker(RegisterWorker? registration = null, params object[] then)
    {
        var decision = RegisterWorkerDecision.Decide(registration ?? Registration(), null);
        if (decision.Error is not null) throw new InvalidOperationException(decision.Error.Detail);
        return decision.Events.Concat(then).Aggregate((Worker?)null, WorkerEvolution.Evolve)!;
    }

    public static Worker Evolved(Worker state, params object[] events) => events.Aggregate(state, (s, e) => WorkerEvolution.Evolve(s, e)!);

    public static Company Company(DateOnly? from = null, DateOnly? until = null, params object[] then) =>
        then.Aggregate(CompanyEvolution.Evolve(null, new CompanyRegistered(CompanyId, "PT Contoh Karya Mandiri (fiktif)", "P3MI-0042",
                from ?? new DateOnly(2020, 1, 1), until ?? new DateOnly(2030, 12, 31), "31", "Jl. Contoh 1, Jakarta", true,
                "bp3mi-ntt", Now)),
            (c, e) => CompanyEvolution.Evolve(c, e))!;

    public static TrainingCompleted Trained(DateOnly on) => new(Id, "BLK Kupang", "BLK-1", on, "53.01.06", "disnakertrans-ntt", Now);

    public static DepartedProcedurally Departed(DateOnly on, string country = "MY") =>
        new(Id, CompanyId, country, "plantation worker", on, "53.01.06", "bp3mi-ntt", Now);
}
