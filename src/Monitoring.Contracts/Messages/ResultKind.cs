namespace Monitoring.Contracts.Messages;

/// <summary>What a grain made of a command: a domain answer, never a transport's status code (the doors map it).</summary>
public enum ResultKind
{
    /// <summary>Done (or already so: a repeated command is not an error).</summary>
    Accepted,

    /// <summary>The input breaks a rule; the field and reason say which.</summary>
    Refused,

    /// <summary>The patient, device, observation or alert named does not exist (or no longer is open).</summary>
    NotFound,

    /// <summary>The command is valid but the current state forbids it (a running pump, a device in use, a stopped course).</summary>
    Conflict,
}
