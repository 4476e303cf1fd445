namespace Coordination.Contracts;

/// <summary>Who may read an event's data unredacted; every integration event declares it.</summary>
public enum DataClassification
{
    Public,
    Internal,
    Personal,
}

[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ClassifiedAttribute(DataClassification classification) : Attribute
{
    public DataClassification Classification { get; } = classification;
}

/// <summary>
/// A property that carries personal data: a name, NIK, birth date, phone, family contact,
/// cause of death. The event log serves it as <c>null</c> to everyone not entitled to see
/// personal data, on every path (pull, stream, exchange, webhook), whatever the event's
/// <see cref="DataClassification"/>. A property holding a record (e.g. <see cref="PersonDetails"/>)
/// needs no mark: the log looks inside. On a dictionary keyed by field names, <paramref name="keys"/>
/// names the personal ones; without keys the whole value is personal.
/// Mark a positional record parameter with <c>[property: PersonalData]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PersonalDataAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
