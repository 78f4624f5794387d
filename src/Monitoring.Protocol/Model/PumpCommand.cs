namespace Monitoring.Protocol.Model;

public enum PumpCommandKind
{
    Pause,
    SetRate,
}

/// <summary>
/// A command the protocol decided for the pump (enforcing mode). The pump confirms it through
/// lastCommandId/lastCommandResult; until then, or after a rejection or expiry, COMMAND_NOT_CONFIRMED.
/// </summary>
/// <param name="RateMlPerHour">setRate only: already a multiple of the pump's rate step, rounded down.</param>
/// <param name="Result">Null while unanswered.</param>
public sealed record PumpCommand(
    string CommandId,
    string PumpId,
    PumpCommandKind Kind,
    decimal? RateMlPerHour,
    string RuleId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    CommandResult? Result = null,
    DateTimeOffset? AnsweredAt = null)
{
    /// <summary>Failed: answered rejected or expired, or unanswered past its expiry.</summary>
    public bool HasFailed(DateTimeOffset now) =>
        Result is CommandResult.Rejected or CommandResult.Expired || (Result is null && now >= ExpiresAt);
}
