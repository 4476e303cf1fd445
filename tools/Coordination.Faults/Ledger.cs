using Npgsql;

namespace Coordination.Faults;

/// <summary>What a scenario's writes left in the services' stores and in the shared log.</summary>
public sealed record Tally(int Sent, int Accepted, int Refused, int Unknown, int UnknownStored,
    int Logged, int Lost, int Duplicated, int StoredDespiteRefusal, int Reactions, int ReactionsLost, int ReactionsDuplicated)
{
    public bool Sound => Lost == 0 && Duplicated == 0 && StoredDespiteRefusal == 0 && ReactionsLost == 0 && ReactionsDuplicated == 0;

    public override string ToString() =>
        $"sent {Sent}, accepted {Accepted}, refused {Refused}, unknown {Unknown} ({UnknownStored} of them stored); " +
        $"logged {Logged}, lost {Lost}, duplicated {Duplicated}, stored despite an error {StoredDespiteRefusal}; " +
        $"reactions {Reactions}, lost {ReactionsLost}, duplicated {ReactionsDuplicated}";
}

/// <summary>
/// Reads, for a run's tokens, every stored event that carries one (or names a worker that one
/// names) and every log entry of those events or carrying a token, then judges each write: an
/// accepted write's event stored once and logged once, and so each of its reactions; a refused
/// write's not stored at all; an unknown one, if stored, like an accepted one.
/// </summary>
public sealed class Ledger(NpgsqlDataSource db)
{
    private sealed record Stored(string Token, Guid EventId);

    /// <summary>Tallies, waiting out a database that is still restarting (the connections of before it are gone).</summary>
    public async Task<Tally> TallyAsync(string run, IReadOnlyList<Sent> sent, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryTallyAsync(run, sent, ct);
            }
            catch (NpgsqlException) when (attempt < 30)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
        }
    }

    private async Task<Tally> TryTallyAsync(string run, IReadOnlyList<Sent> sent, CancellationToken ct)
    {
        var primary = new Dictionary<WriteKind, ILookup<string, Guid>>();
        foreach (var kind in WriteKind.All) primary[kind] = (await StoredAsync(run, kind.Schema, kind.StoredType, null, ct)).ToLookup(s => s.Token, s => s.EventId);
        var reactions = new Dictionary<Reaction, ILookup<string, Guid>>();
        foreach (var reaction in WriteKind.All.SelectMany(k => k.Reactions).Distinct())
            reactions[reaction] = (await StoredAsync(run, reaction.Schema, reaction.StoredType, reaction.JoinOnWorkerOf, ct)).ToLookup(s => s.Token, s => s.EventId);

        var ids = primary.Values.Concat(reactions.Values).SelectMany(l => l.SelectMany(g => g)).ToArray();
        var (loggedIds, loggedByToken) = await LoggedAsync(run, ids, ct);

        int accepted = 0, refused = 0, unknown = 0, unknownStored = 0, logged = 0, lost = 0, duplicated = 0, phantom = 0;
        int expectedReactions = 0, reactionsLost = 0, reactionsDuplicated = 0;
        foreach (var write in sent)
        {
            var events = primary[write.Kind][write.Token].ToList();
            switch (write.Answer)
            {
                case Answer.Accepted: accepted++; break;
                case Answer.Refused: refused++; if (events.Count > 0) phantom++; continue;
                case Answer.Unknown: unknown++; if (events.Count == 0) continue; unknownStored++; break;
            }
            // Logged once: by the stored event's id, and no other entry of the same type carrying the token.
            var inLog = events.Count(loggedIds.Contains);
            var copies = loggedByToken[(write.Token, write.Kind.StoredType)].Count();
            if (events.Count == 0 || inLog < events.Count) lost++;
            else if (events.Count > 1 || copies > 1) duplicated++;
            else logged++;

            foreach (var reaction in write.Kind.Reactions)
            {
                expectedReactions++;
                var done = reactions[reaction][write.Token].ToList();
                if (done.Count == 0 || done.Any(id => !loggedIds.Contains(id))) reactionsLost++;
                else if (done.Count > 1 || loggedByToken[(write.Token, reaction.StoredType)].Count() > 1) reactionsDuplicated++;
            }
        }
        return new Tally(sent.Count, accepted, refused, unknown, unknownStored, logged, lost, duplicated, phantom,
            expectedReactions, reactionsLost, reactionsDuplicated);
    }

    private async Task<List<Stored>> StoredAsync(string run, string schema, string type,
        (string Schema, string Type, string WorkerExpression)? joinOnWorkerOf, CancellationToken ct)
    {
        var sql = joinOnWorkerOf is not { } via
            ? $"select substring(data::text from $1 || '[a-z]+'), id from {schema}.mt_events where type = $2 and data::text like '%' || $1 || '%'"
            : $"""
              select n.token, e.id from {schema}.mt_events e join (
                  select substring(data::text from $1 || '[a-z]+') as token, {via.WorkerExpression} as worker
                  from {via.Schema}.mt_events where type = '{via.Type}' and data::text like '%' || $1 || '%') n
                on e.data->>'workerId' = n.worker
              where e.type = $2
              """;
        await using var command = db.CreateCommand(sql);
        command.Parameters.Add(new() { Value = run });
        command.Parameters.Add(new() { Value = type });
        var found = new List<Stored>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(new Stored(reader.GetString(0), reader.GetGuid(1)));
        return found;
    }

    /// <summary>The log's entries of these event ids, and its entries carrying a token by (token, stored type).</summary>
    private async Task<(HashSet<Guid>, ILookup<(string, string), Guid>)> LoggedAsync(string run, Guid[] ids, CancellationToken ct)
    {
        // The log names types as CloudEvents do (…worker-registered.v1); the stores as Marten does (worker_registered).
        await using var command = db.CreateCommand("""
            select id, replace(split_part(type, '.', 3), '-', '_'), substring(data from $1 || '[a-z]+')
            from event_log.entries where id = any($2) or data like '%' || $1 || '%'
            """);
        command.Parameters.Add(new() { Value = run });
        command.Parameters.Add(new() { Value = ids });
        var byId = new HashSet<Guid>();
        var byToken = new List<((string, string), Guid)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            byId.Add(id);
            if (!reader.IsDBNull(2)) byToken.Add(((reader.GetString(2), reader.GetString(1)), id));
        }
        return (byId, byToken.ToLookup(x => x.Item1, x => x.Item2));
    }
}
