using System.Net;
using System.Text.Json;

namespace Coordination.Seed;

/// <summary>
/// Brings the registry to the plan: creates what is missing and, for what a 409 says exists,
/// posts only the steps its state does not show yet. So a second or an interrupted run converges.
/// </summary>
public sealed class Seeder(RegistryApi api, Tally tally)
{
    private const int Attempts = 3;

    /// <summary>Each company's id, in plan order; null where it could not be created or found.</summary>
    public async Task<Guid?[]> EnsureCompaniesAsync(IReadOnlyList<CompanyPlan> companies, CancellationToken ct)
    {
        var ids = new Guid?[companies.Count];
        for (var i = 0; i < companies.Count; i++)
        {
            var c = companies[i];
            await ReconcileAsync($"company {c.LicenceNumber}", async () => ids[i] = await EnsureCompanyAsync(c, ct), ct);
        }
        return ids;
    }

    private async Task<Guid?> EnsureCompanyAsync(CompanyPlan c, CancellationToken ct)
    {
        var posted = await api.PostAsync("api/registry/companies", new
        {
            c.Name, c.LicenceNumber, c.HeadOfficeRegion, c.HeadOfficeAddress, c.KupangRepresentativeOffice,
            c.LicenceValidFrom, c.LicenceValidUntil,
        }, ct);
        if (Known(posted, $"company {c.LicenceNumber}", tally.CompaniesCreated, tally.CompaniesExisting) is not { } id) return null;
        if (c.Action is not { } action) return id;

        if (posted.Status == HttpStatusCode.Conflict)
        {
            var current = await api.GetAsync($"api/registry/companies/{id}", ct);
            if (!current.IsSuccess) { tally.Fail($"GET company {c.LicenceNumber}", current); return null; }
            using var company = JsonDocument.Parse(current.Body);
            if (company.RootElement.GetProperty("licenceStatus").GetString() == action.TargetStatus) return id;
        }
        var changed = await api.PostAsync($"api/registry/companies/{id}/licence/{action.Kind}", new { action.EffectiveOn, action.Reason }, ct);
        // 409: already in that state (an earlier run got this far but not to reading it back).
        if (changed.IsSuccess) tally.LicenceActions.Add();
        else if (changed.Status != HttpStatusCode.Conflict) { tally.Fail($"{action.Kind} {c.LicenceNumber}", changed); return null; }
        return id;
    }

    public async Task EnsureWorkerAsync(WorkerPlan w, Guid?[] companies, CancellationToken ct)
    {
        Guid? id = null;
        await ReconcileAsync($"worker {w.Nik}", () => EnsureWorkerStepsAsync(w, companies, id, found => id = found, ct), ct);
    }

    /// <summary>
    /// A timeout or dropped connection leaves unknown whether the request was carried out: the
    /// next attempt meets the 409 or reads the state back, and goes on from there.
    /// </summary>
    private async Task ReconcileAsync(string what, Func<Task> attempt, CancellationToken ct)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                if (n == Attempts) { tally.Fail($"{what}: {e.GetType().Name}: {e.Message} {e.InnerException?.Message}"); return; }
                await Task.Delay(TimeSpan.FromMilliseconds(500 * n), ct);
            }
            // An answer not shaped as the API describes: one failure, not the end of the run.
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                tally.Fail($"{what}: unexpected answer: {e.Message}");
                return;
            }
        }
    }

    private async Task EnsureWorkerStepsAsync(WorkerPlan w, Guid?[] companies, Guid? knownId, Action<Guid> found, CancellationToken ct)
    {
        IReadOnlySet<string>? done;
        Guid id;
        if (knownId is { } known)
        {
            id = known;
            done = await HistoryAsync(w, id, ct);
        }
        else
        {
            var posted = await api.PostAsync("api/registry/workers", new
            {
                w.Nik, w.FullName, w.Sex, w.BirthDate, w.OriginRegion, w.Phone, w.FamilyContact, Source = "ltsa-registration",
            }, ct);
            if (Known(posted, $"worker {w.Nik}", tally.WorkersCreated, tally.WorkersExisting) is not { } newId) return;
            found(id = newId);
            done = posted.Status == HttpStatusCode.Created ? new HashSet<string> { "registered" } : await HistoryAsync(w, id, ct);
        }
        if (done is null) return;

        var path = $"api/registry/workers/{id}";
        if (w.Training is { } t && !done.Contains("training-completed")
            && !await StepAsync($"{path}/training", t, w, tally.Trainings, ct)) return;
        if (w.Departure is { } d && !done.Contains("departed")
            && !await StepAsync($"{path}/departures", new { CompanyId = companies[d.Company], d.DestinationCountry, d.Job, d.DepartedOn }, w, tally.Departures, ct)) return;
        if (w.ReturnedOn is { } r && !done.Contains("returned"))
            await StepAsync($"{path}/returns", new { ReturnedOn = r }, w, tally.Returns, ct);
    }

    private async Task<bool> StepAsync(string path, object body, WorkerPlan w, Counter posted, CancellationToken ct)
    {
        var response = await api.PostAsync(path, body, ct);
        if (response.IsSuccess) { posted.Add(); return true; }
        tally.Fail($"worker {w.Nik} {path[(path.LastIndexOf('/') + 1)..]}", response);
        return false;
    }

    /// <summary>The kinds in an existing worker's history; null (the reason recorded) when unreadable or not the seed's.</summary>
    private async Task<IReadOnlySet<string>?> HistoryAsync(WorkerPlan w, Guid id, CancellationToken ct)
    {
        var current = await api.GetAsync($"api/registry/workers/{id}", ct);
        if (!current.IsSuccess) { tally.Fail($"GET worker {w.Nik}", current); return null; }
        using var worker = JsonDocument.Parse(current.Body);
        var root = worker.RootElement;
        // A NIK someone registered by hand must not collect the seed's departures.
        if (root.TryGetProperty("fullName", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() != w.FullName)
        {
            tally.Fail($"worker {w.Nik}: NIK registered to \"{name.GetString()}\", not the seed's \"{w.FullName}\"");
            return null;
        }
        return root.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString() ?? "").ToHashSet();
    }

    /// <summary>The id of what a 201 created or a 409 found, counted as one or the other; null (recorded) otherwise.</summary>
    private Guid? Known(ApiResponse r, string what, Counter created, Counter existing)
    {
        if (r.Status is not (HttpStatusCode.Created or HttpStatusCode.Conflict) || r.LocationId is not { } id)
        {
            tally.Fail(what, r);
            return null;
        }
        (r.Status == HttpStatusCode.Created ? created : existing).Add();
        return id;
    }
}
