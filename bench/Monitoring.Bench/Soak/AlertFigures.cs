namespace Monitoring.Bench.Soak;

/// <summary>The labelled events of one rule: how many were caused, how many raised their alert in time, and how fast (seconds from the event).</summary>
public sealed record AlertFigures(string RuleId, int Expected, int Raised, int Missed, double LatencyP50Seconds, double LatencyMaxSeconds);
