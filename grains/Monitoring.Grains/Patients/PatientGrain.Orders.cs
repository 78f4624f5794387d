using System.Globalization;
using Monitoring.Contracts;
using Monitoring.Contracts.Messages;
using Monitoring.Grains.Alerts;
using Monitoring.Grains.Logging;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Patients;

/// <summary>The course order and patient-specific limits: a charge nurse's transcription and decision, audited.</summary>
public sealed partial class PatientGrain
{
    public async Task<GrainResult> RecordOrder(CourseOrderRequest order, string actor)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!S.IsAdmitted)
        {
            return GrainResult.NotFound($"patient {PatientId} is not admitted");
        }

        if (string.IsNullOrWhiteSpace(order.Prescriber))
        {
            return GrainResult.Refused("prescriber", "is required: who prescribed the course");
        }

        if (!Wire.TryParse(order.Regimen, out Regimen regimen))
        {
            return GrainResult.Refused("regimen", "must be weight-based or gradual");
        }

        foreach (var (field, value) in new[]
        {
            ("concentrationMgPerMl", order.ConcentrationMgPerMl),
            ("startRateMgPerKgPerHour", order.StartRateMgPerKgPerHour),
            ("maxRateMgPerKgPerHour", order.MaxRateMgPerKgPerHour),
        })
        {
            if (value is null)
            {
                return GrainResult.Refused(field, "is required");
            }
        }

        var recorded = new CourseOrder(order.Prescriber.Trim(), regimen, order.ConcentrationMgPerMl!.Value,
            order.StartRateMgPerKgPerHour!.Value, order.MaxRateMgPerKgPerHour!.Value, actor);
        if (OrderValidation.Validate(recorded, S.Clinical!, Parameters) is { } refusal)
        {
            return GrainResult.Refused(refusal.Field, refusal.Reason);
        }

        // The order is the prescription now: the admission record follows, so a later PATCH does not bring the old one back.
        S.Admission = S.Admission! with { Regimen = Wire.Name(regimen), ConcentrationMgPerMl = recorded.ConcentrationMgPerMl };
        var now = Now;
        await Evaluate((engine, s, ctx) => engine.RecordOrder(s, recorded, ctx), transition: true,
            audit: () => Audit(now, actor, AuditActions.OrderRecorded,
                $"prescriber {recorded.Prescriber}; {Wire.Name(regimen)}; {Number(recorded.ConcentrationMgPerMl)} mg/mL; start {Number(recorded.StartRateMgPerKgPerHour)} mg/kg/h; max {Number(recorded.MaxRateMgPerKgPerHour)} mg/kg/h"));
        _logger.ClinicianAction(_patientId, "record-order", actor);
        return GrainResult.Ok;
    }

    public async Task<GrainResult> SetLimits(PatientLimitsRequest limits, string actor)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (string.IsNullOrWhiteSpace(limits.Reason))
        {
            return GrainResult.Refused("reason", "is required");
        }

        if (!S.IsAdmitted)
        {
            return GrainResult.NotFound($"patient {PatientId} is not admitted");
        }

        var set = new PatientLimits(limits.MaxRateMgPerKgPerHour, limits.UsualMinMgPerKgPerHour, limits.UsualMaxMgPerKgPerHour,
            limits.AcuteBolusLimitMgPerKg, limits.Reason.Trim(), actor);
        if (OrderValidation.Validate(set, Parameters) is { } refusal)
        {
            return GrainResult.Refused(refusal.Field, refusal.Reason);
        }

        var now = Now;
        await Evaluate((engine, s, ctx) => engine.SetPatientLimits(s, set, ctx), transition: true,
            audit: () => Audit(now, actor, AuditActions.LimitsSet, $"{LimitsText(set)}: {set.Reason}"));
        _logger.ClinicianAction(_patientId, "set-limits", actor);
        return GrainResult.Ok;
    }

    private static string LimitsText(PatientLimits l) => l.IsEmpty
        ? "ward values"
        : string.Join("; ", new[]
        {
            l.MaxRateMgPerKgPerHour is { } max ? $"max {Number(max)} mg/kg/h" : null,
            l.UsualMinMgPerKgPerHour is { } min ? $"usual min {Number(min)} mg/kg/h" : null,
            l.UsualMaxMgPerKgPerHour is { } usualMax ? $"usual max {Number(usualMax)} mg/kg/h" : null,
            l.AcuteBolusLimitMgPerKg is { } bolus ? $"acute bolus below {Number(bolus)} mg/kg" : null,
        }.OfType<string>());

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
