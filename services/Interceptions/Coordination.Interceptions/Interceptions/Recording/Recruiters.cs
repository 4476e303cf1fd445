using Coordination.Contracts;
using Coordination.Interceptions.Origins;
using Marten;

namespace Coordination.Interceptions.Interceptions.Recording;

public static class Recruiters
{
    /// <summary>
    /// The recruiter, flagged when the registry says its company could not recruit on the day
    /// (suspended, revoked, expired) or does not know it as a licensed placement company.
    /// </summary>
    public static async Task<Recruiter> Flagged(IQuerySession session, Recruiter recruiter, DateTimeOffset at, CancellationToken ct)
    {
        if (recruiter.CompanyId is null && recruiter.Company is null) return recruiter;
        var company = recruiter.CompanyId is { } id
            ? await session.LoadAsync<KnownCompany>(id, ct)
            : (await session.Query<KnownCompany>().Where(c => c.Name.Equals(recruiter.Company!, StringComparison.OrdinalIgnoreCase))
                .ToListAsync(ct)).FirstOrDefault();
        if (company is null) return recruiter with { Flag = "Not a placement company (P3MI) the registry knows." };
        var verdict = company.Licence.On(Wita.DayOf(at));
        return recruiter with { CompanyId = company.Id, Company = company.Name, Flag = verdict.MayRecruit ? null : verdict.Reason };
    }
}
