using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// The rate allowed now (course invariant I1): the least of the ceiling, the order's maximum and the patient's limit
/// (each inclusive), and after a hallucination restart, until a new order is recorded, strictly below the pre-pause
/// dose rate (exclusive). Pure.
/// </summary>
public static class AllowedRate
{
    public static AllowedDoseRate Of(PatientState s, ProtocolParameters p)
    {
        var allowed = Prescribed(s, p);
        if (s.RestartLower?.PrePauseDoseRateMgPerKgPerHour is { } prePause)
        {
            allowed = allowed.Tighter(new AllowedDoseRate(prePause, Inclusive: false, AllowedRateBound.RestartLower));
        }

        return allowed;
    }

    /// <summary>The dose rate of <see cref="Of"/>; whether reaching it is allowed is <see cref="AllowedDoseRate.Inclusive"/>.</summary>
    public static decimal MaxDoseRateMgPerKgPerHour(PatientState s, ProtocolParameters p) => Of(s, p).MaxMgPerKgPerHour;

    /// <summary>The ceiling, the order and the patient limit, without the restart-lower bound (ORDER_LIMIT's reference).</summary>
    public static AllowedDoseRate Prescribed(PatientState s, ProtocolParameters p)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(p);
        var allowed = new AllowedDoseRate(p.DoseRate.CeilingMgPerKgPerHour, Inclusive: true, AllowedRateBound.Ceiling);
        if (s.Order is { } order)
        {
            allowed = allowed.Tighter(new AllowedDoseRate(order.MaxRateMgPerKgPerHour, Inclusive: true, AllowedRateBound.Order));
        }

        if (s.Limits?.MaxRateMgPerKgPerHour is { } limit)
        {
            allowed = allowed.Tighter(new AllowedDoseRate(limit, Inclusive: true, AllowedRateBound.PatientLimit));
        }

        return allowed;
    }

    /// <summary>Whether the pump's rate now is allowed; false when it cannot be checked (weight or concentration unknown).</summary>
    public static bool PermitsCurrent(PatientState s, ProtocolParameters p) =>
        s.Pump?.Status is { } status && s.CheckingConcentrationMgPerMl is { } c && s.Prescription.WeightKg is { } w
        && Of(s, p).Permits(status.RateMlPerHour, c, w);
}
