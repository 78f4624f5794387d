namespace Monitoring.BadInput.Tests.Support;

/// <summary>What the parser must do with a payload.</summary>
public enum Verdict
{
    /// <summary>Read it, and read it faithfully (the draft says what to).</summary>
    Valid,

    /// <summary>Refuse it, naming one of the expected fields.</summary>
    Refused,

    /// <summary>Either (the contract leaves it open, e.g. 1e-400): if read, read faithfully; if refused, for an expected field.</summary>
    ValidOrRefused,

    /// <summary>Random input: read, or refused for a field of the known set.</summary>
    Anything,
}
