namespace Coordination.Contracts;

/// <summary>
/// Message headers the relay sets on every integration event; the event log turns them
/// into CloudEvents attributes. The message id is the stored event's id.
/// </summary>
public static class IntegrationHeaders
{
    /// <summary><c>&lt;aggregate&gt;/&lt;id&gt;</c>, e.g. <c>worker/0193...</c>.</summary>
    public const string Subject = "ce-subject";

    /// <summary>Code of the province whose data it is, e.g. <c>53</c>.</summary>
    public const string Province = "ce-province";

    /// <summary>Version of the source stream after this event.</summary>
    public const string Sequence = "ce-sequence";

    /// <summary>When the source stored the event (ISO 8601).</summary>
    public const string Time = "ce-time";
}
