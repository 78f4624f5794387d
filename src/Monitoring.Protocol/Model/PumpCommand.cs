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
/// <param name="NotHonoured">
/// Answered done, yet the status carrying that answer shows the command's purpose unmet (still above the ceiling,
/// still running when it should be paused): the pump did not do what it said.
/// </param>
public sealed record PumpCommand(
    string CommandId,
    string PumpId,
    PumpCommandKind Kind,
    decimal? RateMlPerHour,
    string RuleId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    CommandResult? Result = null,
    DateTimeOffset? AnsweredAt = null,
    bool NotHonoured = false)
{
    /// <summary>Failed: answered rejected or expired, answered done but not honoured, or unanswered past its expiry.</summary>
    public bool HasFailed(DateTimeOffset now) =>
        Result is CommandResult.Rejected or CommandResult.Expired || NotHonoured || (Result is null && now >= ExpiresAt);

    /// <summary>Answered done and the status that carried the answer showed it done.</summary>
    public bool IsHonoured => Result is CommandResult.Done && !NotHonoured;
}
