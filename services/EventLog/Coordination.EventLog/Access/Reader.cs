using Coordination.EventLog.Log;
using Coordination.ServiceDefaults;

namespace Coordination.EventLog.Access;

/// <summary>
/// What one agency may receive from the log. An integrator (<c>feed:read</c>) reads only under
/// its data-sharing agreement: the provinces and event types it names, personal data only when
/// it covers them and the agency holds <c>pii:read</c>. The agencies of the agreement between
/// the provinces read the whole log, personal data as their <c>pii:read</c> role allows.
/// </summary>
/// <param name="Agreement">null for an agency of the agreement between the provinces.</param>
/// <param name="Provinces">null: all.</param>
/// <param name="Types">type patterns; null: all.</param>
public sealed record Reader(string Agency, string? Agreement, IReadOnlyCollection<string>? Provinces, IReadOnlyCollection<string>? Types,
    bool PersonalData)
{
    /// <returns>the reader, or null when the agency is an integrator without an agreement.</returns>
    public static Reader? For(Agency agency, DataSharingOptions sharing)
    {
        var pii = agency.Has(Roles.PiiRead);
        if (!agency.Has(Roles.FeedRead)) return new Reader(agency.Id, null, null, null, pii);
        return sharing.Agreements.GetValueOrDefault(agency.Id) is { } a
            ? new Reader(agency.Id, a.Name, a.Provinces, a.EventTypes, pii && a.PersonalData)
            : null;
    }

    /// <summary>
    /// Who a webhook delivers to now: the agreement as currently configured (null when it was
    /// withdrawn), personal data only if the agency could see it when it registered and still may.
    /// </summary>
    public static Reader? Current(string agency, string? agreement, bool personalData, DataSharingOptions sharing)
    {
        if (agreement is null) return new Reader(agency, null, null, null, personalData);
        return sharing.Agreements.GetValueOrDefault(agency) is { } a
            ? new Reader(agency, a.Name, a.Provinces, a.EventTypes, personalData && a.PersonalData)
            : null;
    }

    /// <summary>The reader's own filter narrowed by what it asked for.</summary>
    /// <returns>the filter, or the name of the parameter that asks for more than the agreement covers.</returns>
    public (LogFilter? Filter, string? Beyond) Narrow(LogFilter requested)
    {
        if (requested.Provinces is { } asked && Provinces is { } provinces && asked.Except(provinces, StringComparer.Ordinal).Any())
            return (null, "province");
        if (requested.Types is { } types && Types is { } granted && !types.All(t => TypePatterns.Covers(granted, t)))
            return (null, "type");
        return (new LogFilter(requested.Types ?? Types, requested.Provinces ?? Provinces, requested.Subject), null);
    }

    /// <summary>Whether an entry is within what the reader may receive (for paths that are not queries).</summary>
    public bool MayReceive(LogRecord r) => new LogFilter(Types, Provinces, null).Admits(r);
}
