namespace Monitoring.Protocol.Model;

/// <summary>
/// A titration step that broke the gradual regimen. It holds while the pump runs at or above the dose it
/// reached; a step that was only too soon also clears once the interval it should have waited has passed.
/// </summary>
/// <param name="TooLarge">The step exceeded its band's maximum (only lowering clears it).</param>
/// <param name="AllowedAt">When the step would have been allowed by time alone.</param>
public sealed record TitrationViolation(
    decimal FromDailyDoseMg,
    decimal ToDailyDoseMg,
    DateTimeOffset At,
    bool TooLarge,
    DateTimeOffset AllowedAt,
    string Reason);
