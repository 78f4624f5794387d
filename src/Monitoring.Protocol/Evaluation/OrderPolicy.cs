using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Pause;

namespace Monitoring.Protocol.Evaluation;

/// <summary>A course order and patient limits laid onto the patient's state; the restart-lower bound that a new order lifts.</summary>
internal static class OrderPolicy
{
    /// <summary>
    /// The order becomes the prescription (regimen, concentration) and a bound of the rate allowed now. It is the
    /// clinician's decision after a restart: the restart-lower bound and RESTART_NOT_LOWER end with it.
    /// </summary>
    public static PatientState Record(PatientState s, CourseOrder order, DateTimeOffset now, ProtocolParameters p)
    {
        if (OrderValidation.Validate(order, s, p) is { } refusal)
        {
            throw new ArgumentException($"{refusal.Field}: {refusal.Reason}", nameof(order));
        }

        return s with
        {
            Order = order with { RecordedAt = now },
            Prescription = s.Prescription with { Regimen = order.Regimen, ConcentrationMgPerMl = order.ConcentrationMgPerMl },
            RestartLower = null,
            Pause = s.Pause with { RestartNotLower = false },
        };
    }

    /// <summary>Limits with no member set return the patient to the ward's values.</summary>
    public static PatientState SetLimits(PatientState s, PatientLimits limits, DateTimeOffset now, ProtocolParameters p)
    {
        if (OrderValidation.Validate(limits, p) is { } refusal)
        {
            throw new ArgumentException($"{refusal.Field}: {refusal.Reason}", nameof(limits));
        }

        return s with { Limits = limits.IsEmpty ? null : limits with { SetAt = now } };
    }

    /// <summary>
    /// After a pump status: a restart from the pause protocol sets the restart-lower bound, and a running rate within the
    /// rate allowed now becomes the rate enforcement may send the pump back to.
    /// </summary>
    public static PatientState AfterPumpStatus(PatientState s, IReadOnlyList<PauseEvent> events, decimal? doseRate, DateTimeOffset now, ProtocolParameters p)
    {
        if (events.Contains(PauseEvent.RestartedLower) || events.Contains(PauseEvent.RestartNotLower))
        {
            s = s with { RestartLower = new RestartLowerBound(s.Pause.PrePauseDoseRateMgPerKgPerHour, now) };
        }

        if (s.PumpIsRunning && doseRate is { } rate && AllowedRate.PermitsCurrent(s, p))
        {
            s = s with { LastAllowedDoseRateMgPerKgPerHour = rate };
        }

        return s;
    }
}
