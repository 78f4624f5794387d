using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Devices;

/// <summary>What a pump answers before it looks at a command's content: its configured behaviour, a missing id, expiry.</summary>
internal static class PumpCommandScreen
{
    /// <summary>
    /// Whether the pump answers at all and, if so, whether it refuses before executing: <c>Ignored</c> is true for a
    /// pump that ignores commands; otherwise <c>Answer</c> is the result to send without executing, or null to execute.
    /// </summary>
    public static (bool Ignored, string? Answer) Of(PumpCommandMessage command, PumpCommandBehaviour behaviour, DateTimeOffset deviceNow) =>
        behaviour switch
        {
            PumpCommandBehaviour.Ignore => (true, null),
            PumpCommandBehaviour.Reject => (false, CommandResults.Rejected),
            _ when string.IsNullOrEmpty(command.CommandId) => (false, CommandResults.Rejected),

            // The pump judges expiry by its own clock, as a real one would.
            _ when command.ExpiresAt is { } expiresAt && deviceNow > expiresAt => (false, CommandResults.Expired),
            _ => (false, null),
        };
}
