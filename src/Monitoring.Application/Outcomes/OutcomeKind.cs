namespace Monitoring.Application.Outcomes;

/// <summary>What a use case came to. Each door maps it once (REST to a status, the hub to its error text, a page to a message).</summary>
public enum OutcomeKind
{
    Accepted,

    /// <summary>The input breaks a rule: the field and message say which.</summary>
    Refused,

    /// <summary>The caller's role or wards do not allow it.</summary>
    Forbidden,

    NotFound,

    /// <summary>Valid, but the current state forbids it.</summary>
    Conflict,

    /// <summary>The clinical store could not be reached: the change is not confirmed.</summary>
    StoreUnavailable,
}
