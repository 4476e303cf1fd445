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
