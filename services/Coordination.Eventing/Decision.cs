namespace Coordination.Eventing;

/// <summary>
/// What a pure <c>Decide(command, state)</c> returns: the events to append, or the domain
/// error that refuses the command. Nothing in a decision touches storage or the clock.
/// </summary>
public sealed class Decision
{
    public IReadOnlyList<object> Events { get; }
    public DomainError? Error { get; }

    private Decision(IReadOnlyList<object> events, DomainError? error) => (Events, Error) = (events, error);

    public static Decision Accept(params object[] events) => new(events, null);

    public static implicit operator Decision(DomainError error) => new([], error);
}

/// <summary>Why a command was refused; each kind maps to one HTTP status.</summary>
public abstract record DomainError(string Title, string Detail, string? Field = null);

/// <summary>The command names a record that does not exist (404).</summary>
public sealed record Missing(string Title, string Detail) : DomainError(Title, Detail);

/// <summary>The caller's agency may not do this to this record, e.g. reply for another province (403).</summary>
public sealed record NotYours(string Title, string Detail) : DomainError(Title, Detail);

/// <summary>The command does not fit the current state (409, with the current state).</summary>
public sealed record StateConflict(string Title, string Detail) : DomainError(Title, Detail);

/// <summary>The command breaks a rule of the domain (422, naming the field).</summary>
public sealed record RuleBroken(string Field, string Title, string Detail) : DomainError(Title, Detail, Field);
