using Monitoring.Protocol.Parameters;

namespace Monitoring.Dashboard.Display;

/// <summary>
/// How old each kind of reading may be before the tile shows it as stale: the protocol's own limits (the
/// same ones the grain judges "stale" and "missing" by), read from the ward's parameters.
/// </summary>
public sealed record Freshness(
    TimeSpan MonitorParameter,
    TimeSpan Charted,
    TimeSpan Assessment,
    TimeSpan Pump,
    TimeSpan Monitor)
{
    public static Freshness From(ProtocolParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new Freshness(
            parameters.Comms.ParameterMissingAfter,
            parameters.News2.StaleAfter,
            parameters.Sedation.AssessmentRoutine,
            parameters.Comms.PumpLostAfter,
            parameters.Comms.MonitorLostAfter);
    }
}
