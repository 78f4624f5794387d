using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// The protocol's bounds on a course order and on patient limits. Null when valid; otherwise the field (its JSON name
/// in PUT /api/patients/{id}/order and /limits) and the reason. Every bound is the ward's parameter, never a literal.
/// </summary>
public static class OrderValidation
{
    public static OrderRefusal? Validate(CourseOrder order, PatientState s, ProtocolParameters p)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(p);

        var ceiling = p.DoseRate.CeilingMgPerKgPerHour;
        if (string.IsNullOrWhiteSpace(order.Prescriber))
        {
            return new("prescriber", "is required: who prescribed the course");
        }

        if (order.ConcentrationMgPerMl <= 0m)
        {
            return new("concentrationMgPerMl", "must be above 0 mg/mL");
        }

        if (order.ConcentrationMgPerMl > p.DeviceLimits.MaxConcentrationMgPerMl)
        {
            return new("concentrationMgPerMl",
                $"{ValueText.Number(order.ConcentrationMgPerMl)} mg/mL is above the strongest preparation, {ValueText.Number(p.DeviceLimits.MaxConcentrationMgPerMl)} mg/mL");
        }

        if (order.MaxRateMgPerKgPerHour <= 0m)
        {
            return new("maxRateMgPerKgPerHour", "must be above 0 mg/kg/h");
        }

        if (order.MaxRateMgPerKgPerHour > ceiling)
        {
            return new("maxRateMgPerKgPerHour",
                $"{ValueText.DoseRate(order.MaxRateMgPerKgPerHour)} is above the ceiling of {ValueText.DoseRate(ceiling)}");
        }

        if (order.StartRateMgPerKgPerHour <= 0m)
        {
            return new("startRateMgPerKgPerHour", "must be above 0 mg/kg/h");
        }

        if (order.StartRateMgPerKgPerHour > order.MaxRateMgPerKgPerHour)
        {
            return new("startRateMgPerKgPerHour",
                $"{ValueText.DoseRate(order.StartRateMgPerKgPerHour)} is above the order's maximum of {ValueText.DoseRate(order.MaxRateMgPerKgPerHour)}");
        }

        // The gradual regimen starts low; with no weight the start cannot be checked here (WEIGHT_UNKNOWN holds once it runs).
        if (order.Regimen == Regimen.Gradual && s.Prescription.WeightKg is { } weight)
        {
            var window = p.DoseRate.DailyDoseWindow;
            var startMgPerDay = order.StartRateMgPerKgPerHour * weight * window.Ticks / TimeSpan.TicksPerHour;
            if (startMgPerDay > p.Titration.StartMaxMgPerDay)
            {
                return new("startRateMgPerKgPerHour",
                    $"{ValueText.DoseRate(order.StartRateMgPerKgPerHour)} at {ValueText.Number(weight)} kg is {ValueText.DailyDose(startMgPerDay)}, above the gradual regimen's start of {ValueText.DailyDose(p.Titration.StartMaxMgPerDay)}");
            }
        }

        return null;
    }

    public static OrderRefusal? Validate(PatientLimits limits, ProtocolParameters p)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(p);

        if (string.IsNullOrWhiteSpace(limits.Reason))
        {
            return new("reason", "is required");
        }

        var ward = p.DoseRate;
        if (limits.MaxRateMgPerKgPerHour is { } max
            && Looser(max, ward.CeilingMgPerKgPerHour, higherIsLooser: true, "maxRateMgPerKgPerHour", "the ceiling", ValueText.DoseRate) is { } maxRefusal)
        {
            return maxRefusal;
        }

        if (limits.UsualMinMgPerKgPerHour is { } usualMin
            && Looser(usualMin, ward.UsualMinMgPerKgPerHour, higherIsLooser: false, "usualMinMgPerKgPerHour", "the ward's usual minimum", ValueText.DoseRate) is { } minRefusal)
        {
            return minRefusal;
        }

        if (limits.UsualMaxMgPerKgPerHour is { } usualMax
            && Looser(usualMax, ward.UsualMaxMgPerKgPerHour, higherIsLooser: true, "usualMaxMgPerKgPerHour", "the ward's usual maximum", ValueText.DoseRate) is { } usualMaxRefusal)
        {
            return usualMaxRefusal;
        }

        var effectiveMin = limits.UsualMinMgPerKgPerHour ?? ward.UsualMinMgPerKgPerHour;
        var effectiveMax = limits.UsualMaxMgPerKgPerHour ?? ward.UsualMaxMgPerKgPerHour;
        if (effectiveMin >= effectiveMax)
        {
            return new(limits.UsualMinMgPerKgPerHour is null ? "usualMaxMgPerKgPerHour" : "usualMinMgPerKgPerHour",
                $"the usual range {ValueText.DoseRate(effectiveMin)} to {ValueText.DoseRate(effectiveMax)} is empty: its bottom must be below its top");
        }

        if (limits.AcuteBolusLimitMgPerKg is { } acute
            && Looser(acute, p.Bolus.AcuteLimitMgPerKg, higherIsLooser: true, "acuteBolusLimitMgPerKg", "the ward's acute bolus limit", ValueText.MgPerKg) is { } acuteRefusal)
        {
            return acuteRefusal;
        }

        return null;
    }

    // A patient limit may equal the ward's value or be tighter, never looser, and is always above 0.
    private static OrderRefusal? Looser(decimal value, decimal wardValue, bool higherIsLooser, string field, string what, Func<decimal, string> text)
    {
        if (value <= 0m)
        {
            return new(field, "must be above 0");
        }

        var looser = higherIsLooser ? value > wardValue : value < wardValue;
        return looser
            ? new(field, $"{text(value)} is {(higherIsLooser ? "above" : "below")} {what} ({text(wardValue)}): a patient limit may only be tighter")
            : null;
    }
}
