namespace Monitoring.Bench.Soak;

/// <summary>
/// One kind of fault over the run: how often, its outages, the slowest recovery (end of the fault to every host ready),
/// the messages acknowledged while it lasted (to its recovery) and what became of them, and the labelled events whose
/// alert window it overlapped.
/// </summary>
public sealed record FaultFigures(
    FaultKind Kind,
    int Count,
    double OutageSeconds,
    double MaxRecoverySeconds,
    long AcknowledgedDuring,
    long LostDuring,
    long UnseenDuring,
    int AlertsExpectedDuring,
    int AlertsMissedDuring);
