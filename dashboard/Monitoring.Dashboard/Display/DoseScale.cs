using Monitoring.Protocol.Parameters;

namespace Monitoring.Dashboard.Display;

/// <summary>
/// The dose bar's scale: the usual band and the ceiling from the ward's parameters, drawn on a scale up to
/// the worst re-alarm band (or the ceiling when there is none) so a rate past the ceiling still shows.
/// Geometry only (percent of the bar's width); no clinical judgement is made here.
/// </summary>
public sealed record DoseScale(decimal UsualMin, decimal UsualMax, decimal Ceiling, decimal Maximum)
{
    public static DoseScale From(ProtocolParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var d = parameters.DoseRate;
        var top = d.CeilingWorseBandsMgPerKgPerHour.Count > 0 ? Math.Max(d.CeilingMgPerKgPerHour, d.CeilingWorseBandsMgPerKgPerHour.Max()) : d.CeilingMgPerKgPerHour;
        return new DoseScale(d.UsualMinMgPerKgPerHour, d.UsualMaxMgPerKgPerHour, d.CeilingMgPerKgPerHour, top);
    }

    /// <summary>Where a value sits on the bar, 0 to 100 (pinned at the ends).</summary>
    public double Percent(decimal value) =>
        Maximum <= 0 ? 0 : (double)Math.Clamp(value / Maximum * 100m, 0m, 100m);

    public bool OffScale(decimal value) => value > Maximum;
}
