namespace Monitoring.Protocol.News2;

/// <summary>One parameter that counted towards a NEWS2 score.</summary>
/// <param name="Value">The value scored, as a nurse reads it ("93", "oxygen", "C").</param>
/// <param name="At">Server-receipt time of the reading, so the screen can show its age.</param>
/// <param name="Stale">Older than the staleness window: still scored on its last value (I7), and the score is partial.</param>
public sealed record News2Component(News2Parameter Parameter, string Value, int Score, DateTimeOffset At, bool Stale = false);
