namespace Monitoring.Bench.Soak;

/// <summary>
/// One fault as it happened, in seconds since the soak's devices started: begun, ended (the server back or the host
/// started again), and recovered (every host answered /health/ready 200 again).
/// </summary>
/// <param name="Target">Which host, for a host kill; otherwise the server.</param>
public sealed record FaultRecord(FaultKind Kind, string Target, double StartedAt, double EndedAt, double RecoveredAt)
{
    public double OutageSeconds => EndedAt - StartedAt;

    /// <summary>From the end of the fault until every host was ready again.</summary>
    public double RecoverySeconds => RecoveredAt - EndedAt;
}
