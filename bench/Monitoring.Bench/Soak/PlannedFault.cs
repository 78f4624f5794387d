namespace Monitoring.Bench.Soak;

/// <summary>A fault of the seeded schedule: its kind, the host it hits (0 or 1, for a host kill), how long it lasts and the pause before it.</summary>
public sealed record PlannedFault(FaultKind Kind, int Host, TimeSpan Outage, TimeSpan GapBefore);
