namespace Monitoring.Host.Testing;

/// <summary>POST /test/clock/advance {seconds}.</summary>
public sealed record ClockAdvanceRequest(decimal? Seconds);
