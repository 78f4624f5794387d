using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using PauseState = Monitoring.Protocol.Pause.PauseState;

namespace Monitoring.Dashboard.Tests.Support;

/// <summary>Snapshots and alerts as the grain would send them.</summary>
public static class Make
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static TimedReading Reading(string value, double ageSeconds = 5, bool stale = false) =>
        new(value, Now.AddSeconds(-ageSeconds), ageSeconds, stale);

    public static AlertView Alert(
        string id,
        AlertPriority priority = AlertPriority.High,
        AlertKind kind = AlertKind.Clinical,
        AlertState state = AlertState.Active,
        string rule = "CEILING",
        string? patientId = "p1",
        string? bedId = "bed-01",
        double ageSeconds = 30,
        bool escalated = false,
        DateTimeOffset? reAlarmedAt = null,
        DateTimeOffset? changedAt = null) => new()
        {
            Id = id,
            PatientId = patientId,
            WardId = "ward-a",
            RuleId = rule,
            Priority = priority,
            Kind = kind,
            State = state,
            Escalated = escalated,
            RaisedAt = Now.AddSeconds(-ageSeconds),
            LastValue = "0.75 mg/kg/h",
            Count = 1,
            Message = $"{rule} message",
            LastChangedAt = changedAt ?? Now.AddSeconds(-ageSeconds),
            BedId = bedId,
            ReAlarmedAt = reAlarmedAt,
            AcknowledgedBy = state == AlertState.Acknowledged ? "charge" : null,
            AcknowledgedAt = state == AlertState.Acknowledged ? Now : null,
        };

    public static PatientSnapshot Snapshot(
        string id = "p1",
        string bed = "bed-01",
        decimal? doseRate = 0.09m,
        IReadOnlyList<AlertView>? alerts = null,
        PauseProtocolView? pause = null,
        bool partial = false,
        bool comfortCare = false,
        VitalsView? vitals = null,
        DateTimeOffset? takenAt = null,
        bool discharged = false)
    {
        var open = alerts ?? [];
        return new PatientSnapshot
        {
            Id = id,
            Mrn = "MRN-1",
            DisplayName = "Ada Example",
            WardId = "ward-a",
            BedId = bed,
            WeightKg = 70m,
            Regimen = "weight-based",
            ConcentrationMgPerMl = 1m,
            Pump = new PumpView("pump-01", PumpState.Running, 6.3m, 1m, 10m, null, Now.AddSeconds(-2), 2),
            Monitor = new MonitorView("monitor-01", Now.AddSeconds(-3), 3),
            DoseRateMgPerKgPerHour = doseRate,
            ProgrammedDailyDoseMg = 151.2m,
            DeliveredDailyDoseMg = 80.4m,
            Vitals = vitals ?? new VitalsView
            {
                HeartRate = Reading("78"),
                Spo2 = Reading("96"),
                RespRate = Reading("14"),
                Systolic = Reading("124"),
                Diastolic = Reading("78"),
                Rhythm = Reading("sinus"),
            },
            LatestPain = Reading("3", 1200),
            LatestSedation = Reading("-1", 1200),
            News2 = new News2View(2, partial, partial ? ["temperature"] : []),
            PauseProtocol = pause ?? new PauseProtocolView(PauseState.Running, null, null, null, null, null),
            ComfortCare = comfortCare,
            Alerts = open,
            HighestAlert = open.Count > 0 ? open[0] : null,
            TakenAt = takenAt ?? Now,
            Discharged = discharged,
        };
    }
}
