using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Evaluation;

/// <summary>The ward's values with the patient's own limits laid over them (a patient limit is never looser; see <see cref="OrderValidation"/>).</summary>
public static class EffectiveLimits
{
    public static decimal UsualMinMgPerKgPerHour(PatientState s, ProtocolParameters p) =>
        s.Limits?.UsualMinMgPerKgPerHour ?? p.DoseRate.UsualMinMgPerKgPerHour;

    public static decimal UsualMaxMgPerKgPerHour(PatientState s, ProtocolParameters p) =>
        s.Limits?.UsualMaxMgPerKgPerHour ?? p.DoseRate.UsualMaxMgPerKgPerHour;

    public static decimal AcuteBolusLimitMgPerKg(PatientState s, ProtocolParameters p) =>
        s.Limits?.AcuteBolusLimitMgPerKg ?? p.Bolus.AcuteLimitMgPerKg;
}
