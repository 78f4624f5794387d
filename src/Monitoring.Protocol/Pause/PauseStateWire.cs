namespace Monitoring.Protocol.Pause;

/// <summary>The JSON names of <see cref="PauseState"/> (camelCase, as the protocol document spells them).</summary>
public static class PauseStateWire
{
    public static string ToWire(PauseState state) => state switch
    {
        PauseState.Running => "running",
        PauseState.PausePending => "pausePending",
        PauseState.Paused => "paused",
        PauseState.RestartWindow => "restartWindow",
        PauseState.RestartDue => "restartDue",
        PauseState.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a pause state."),
    };

    /// <summary>Case-insensitive; only the six names are accepted (not numbers, as Enum.TryParse would).</summary>
    public static bool TryParse(string? text, out PauseState state)
    {
        foreach (var candidate in Enum.GetValues<PauseState>())
        {
            if (string.Equals(ToWire(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    public static PauseState Parse(string text) =>
        TryParse(text, out var state) ? state : throw new FormatException($"Unknown pause state '{text}'.");
}
