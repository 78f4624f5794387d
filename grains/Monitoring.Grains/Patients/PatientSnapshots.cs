using System.Globalization;
using System.Text.Json;
using Monitoring.Contracts;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Alerts;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Grains.Patients;

/// <summary>
/// GET /api/patients/{id} and the hub's patientUpdated: everything a bed shows, computed here (the dashboard
/// never computes a clinical value). Ages are taken at <c>now</c>; "stale" uses the protocol's own limits.
/// </summary>
public static class PatientSnapshots
{
    public static PatientSnapshot Build(PatientGrainState state, IReadOnlyList<Alert> openAlerts, DateTimeOffset now, ProtocolParameters p)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(openAlerts);
        ArgumentNullException.ThrowIfNull(p);
        var a = state.Admission ?? throw new InvalidOperationException("a snapshot needs an admission");
        var s = state.Clinical ?? throw new InvalidOperationException("a snapshot needs the clinical state");

        var figures = DoseFigures.Of(s, now, p);
        var news2 = VitalSignRules.News2Of(s, now, p);
        var alerts = AlertViews.MostUrgentFirst(openAlerts)
            .Select(alert => AlertViews.From(alert, a.BedId, state.ReAlarmedAt.TryGetValue(alert.Id, out var at) ? at : null))
            .ToList();
        var missing = p.Comms.ParameterMissingAfter;
        var stale = p.News2.StaleAfter;

        return new PatientSnapshot
        {
            Id = a.Id,
            Mrn = a.Mrn,
            DisplayName = a.DisplayName,
            WardId = a.WardId,
            BedId = a.BedId,
            WeightKg = a.WeightKg,
            WeightEstimated = a.WeightEstimated,
            WeightMeasuredOn = a.WeightMeasuredOn,
            Regimen = Wire.Name(s.Prescription.Regimen),
            ConcentrationMgPerMl = a.ConcentrationMgPerMl,
            Pump = s.Pump is { } pump ? new Contracts.Views.PumpView(
                pump.PumpId,
                pump.Status?.State,
                pump.Status?.RateMlPerHour,
                pump.Status?.ConcentrationMgPerMl,
                pump.Status?.VolumeInfusedMl,
                pump.Status?.Alarm,
                pump.LastMessageAt,
                Age(pump.LastMessageAt, now)) : null,
            Monitor = s.Monitor is { } monitor ? new MonitorView(monitor.MonitorId, monitor.LastMessageAt, Age(monitor.LastMessageAt, now)) : null,
            DoseRateMgPerKgPerHour = figures.DoseRateMgPerKgPerHour,
            ProgrammedDailyDoseMg = figures.ProgrammedDailyDoseMg,
            DeliveredDailyDoseMg = figures.DeliveredDailyDoseMg,
            Vitals = new VitalsView
            {
                HeartRate = Reading(s.Vitals.HeartRate, now, missing),
                Spo2 = Reading(s.Vitals.Spo2, now, missing),
                RespRate = Reading(s.Vitals.RespRate, now, missing),
                Systolic = Reading(s.Vitals.Systolic, now, stale),
                Diastolic = Reading(s.Vitals.Diastolic, now, stale),
                Temperature = Reading(s.Vitals.Temperature, now, stale),
                Rhythm = s.Vitals.Rhythm is { } rhythm ? Timed(Wire.Name(rhythm.Value), rhythm.At, now, missing) : null,
            },
            LatestPain = Observation(s.Latest(ObservationKind.Pain), now, p.Sedation.AssessmentRoutine),
            LatestSedation = Observation(s.Latest(ObservationKind.Sedation), now, p.Sedation.AssessmentRoutine),
            // As NEWS2 scores it: new delirium charted after the last ACVPU shows as C.
            LatestConsciousness = VitalSignRules.ConsciousnessOf(s) is { } acvpu ? Timed(Wire.Name(acvpu.Value), acvpu.At, now, stale) : null,
            SupplementalOxygen = Observation(s.Latest(ObservationKind.Oxygen), now, stale),
            News2 = new News2View(news2.Total, news2.Partial, [.. news2.MissingOrStale.Select(m => JsonNamingPolicy.CamelCase.ConvertName(m.ToString()))]),
            PauseProtocol = new PauseProtocolView(
                s.Pause.State,
                s.Pause.PausedAt,
                s.Pause.RestartAllowedAt,
                s.Pause.RestartDueAt,
                s.Pause.PrePauseRateMlPerHour,
                s.Pause.PrePauseDoseRateMgPerKgPerHour),
            ComfortCare = s.ComfortCare,
            Alerts = alerts,
            HighestAlert = alerts.FirstOrDefault(),
            Contraindications = s.Contraindications,
            OverriddenContraindications = s.OverriddenContraindications.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            Postoperative = s.Flags.Postoperative,
            Spo2Scale2 = s.Flags.Spo2Scale2,
            BaselineRhythm = s.Flags.BaselineRhythm is { } baseline ? Wire.Name(baseline) : null,
            BaselinePain = s.BaselinePain,
            CourseStartedAt = s.Course.StartedAt,
            CourseStoppedAt = s.Course.StoppedAt,
            LastDoseIncreaseAt = s.Course.LastIncreaseAt,
            EstablishedDailyDoseMg = s.Course.EstablishedDailyDoseMg,
            Discharged = state.Discharged,
            TakenAt = now,
            Order = s.Order is { } order ? new CourseOrderView(order.Prescriber, Wire.Name(order.Regimen), order.ConcentrationMgPerMl,
                order.StartRateMgPerKgPerHour, order.MaxRateMgPerKgPerHour, order.RecordedBy, order.RecordedAt) : null,
            Limits = s.Limits is { } limits ? new PatientLimitsView(limits.MaxRateMgPerKgPerHour, limits.UsualMinMgPerKgPerHour,
                limits.UsualMaxMgPerKgPerHour, limits.AcuteBolusLimitMgPerKg, limits.Reason, limits.SetBy, limits.SetAt) : null,
            AllowedRate = Allowed(AllowedRate.Of(s, p)),
        };
    }

    private static AllowedRateView Allowed(AllowedDoseRate allowed) =>
        new(allowed.MaxMgPerKgPerHour, allowed.Inclusive, Wire.Name(allowed.Bound));

    private static double? Age(DateTimeOffset? at, DateTimeOffset now) => at is { } t ? Math.Max(0, (now - t).TotalSeconds) : null;

    private static TimedReading? Reading(TimedValue<decimal>? value, DateTimeOffset now, TimeSpan staleAfter) =>
        value is { } v ? Timed(Number(v.Value), v.At, now, staleAfter) : null;

    private static TimedReading Timed(string value, DateTimeOffset at, DateTimeOffset now, TimeSpan staleAfter) =>
        new(value, at, Math.Max(0, (now - at).TotalSeconds), now - at > staleAfter);

    private static TimedReading? Observation(ObservationReading? o, DateTimeOffset now, TimeSpan staleAfter)
    {
        if (o is null)
        {
            return null;
        }

        var value = o.Kind switch
        {
            ObservationKind.Consciousness => o.Level is { } level ? Wire.Name(level) : "",
            ObservationKind.Oxygen => o.Flag is true ? "true" : "false",
            _ => o.Number is { } n ? Number(n) : "",
        };
        return Timed(value, o.ReceivedAt, now, staleAfter);
    }

    private static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
