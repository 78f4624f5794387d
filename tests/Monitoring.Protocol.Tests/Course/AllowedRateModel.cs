using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// The rate allowed now (I1, I2), from first principles until the product has an order (h/order adds
/// AllowedRate.MaxDoseRateMgPerKgPerHour): the ceiling, exactly at it allowed; once a hallucination pause has paused
/// the pump, strictly below the pre-pause dose rate for the rest of the course ("restart lower" holds until a
/// clinician records a new order, and there is no order yet).
/// </summary>
public sealed record AllowedRateModel(decimal LimitMgPerKgPerHour, bool StrictlyBelow, string Reason)
{
    public static AllowedRateModel Of(PatientState s, ProtocolParameters p)
    {
        var ceiling = p.DoseRate.CeilingMgPerKgPerHour;
        if (s.Pause.PausedAt is not null && s.Pause.PrePauseDoseRateMgPerKgPerHour is { } prePause && prePause <= ceiling)
        {
            return new AllowedRateModel(prePause, true, $"strictly below the pre-pause rate {decimal.Round(prePause, 3)} mg/kg/h");
        }

        return new AllowedRateModel(ceiling, false, $"at most the ceiling {ceiling} mg/kg/h");
    }

    /// <summary>Above the ceiling by cross-multiplication; at or above the pre-pause rate on the dose rate computed as the engine keeps it.</summary>
    public bool IsExceededBy(decimal rateMlPerHour, decimal concentrationMgPerMl, decimal weightKg) => StrictlyBelow
        ? DoseRateCalculator.DoseRateMgPerKgPerHour(rateMlPerHour, concentrationMgPerMl, weightKg) >= LimitMgPerKgPerHour
        : rateMlPerHour * concentrationMgPerMl > LimitMgPerKgPerHour * weightKg;
}
