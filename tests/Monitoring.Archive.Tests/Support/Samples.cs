using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using PauseState = Monitoring.Protocol.Pause.PauseState;

namespace Monitoring.Archive.Tests.Support;

/// <summary>Contract views as the grains would push them.</summary>
internal static class Samples
{
    public static PatientSnapshot Snapshot(string patientId, DateTimeOffset vitalsAt, DateTimeOffset pumpAt, string wardId = "ward-a") => new()
    {
        Id = patientId,
        Mrn = "MRN-1",
        DisplayName = "Never Archived",
        WardId = wardId,
        BedId = "bed-03",
        Regimen = "weight-based",
        WeightKg = 70.5m,
        Monitor = new MonitorView("monitor-03", vitalsAt, 1),
        Pump = new PumpView("pump-03", PumpState.Running, 8.4m, 1m, 120.25m, null, pumpAt, 2),
        DoseRateMgPerKgPerHour = 0.119m,
        ProgrammedDailyDoseMg = 201.6m,
        DeliveredDailyDoseMg = 150.5m,
        Vitals = new VitalsView
        {
            HeartRate = new TimedReading("72", vitalsAt, 1, false),
            Spo2 = new TimedReading("95", vitalsAt, 1, false),
            RespRate = new TimedReading("14", vitalsAt, 1, false),
            Systolic = new TimedReading("128", vitalsAt.AddSeconds(-30), 31, false),
            Diastolic = new TimedReading("81", vitalsAt.AddSeconds(-30), 31, false),
            Temperature = new TimedReading("37.2", vitalsAt, 1, false),
            Rhythm = new TimedReading("sinus", vitalsAt, 1, false),
        },
        News2 = new News2View(1, false, []),
        PauseProtocol = new PauseProtocolView(PauseState.Running, null, null, null, null, null),
        TakenAt = vitalsAt.AddSeconds(1),
    };

    public static AlertView Alert(string patientId, DateTimeOffset raisedAt, AlertState state = AlertState.Active, DateTimeOffset? changedAt = null) => new()
    {
        Id = "alert-" + patientId,
        PatientId = patientId,
        DeviceId = "pump-03",
        WardId = "ward-a",
        BedId = "bed-03",
        RuleId = "CEILING",
        Priority = AlertPriority.High,
        Kind = AlertKind.Clinical,
        State = state,
        Escalated = state == AlertState.Active && changedAt is not null,
        RaisedAt = raisedAt,
        LastChangedAt = changedAt ?? raisedAt,
        LastValue = "0.55 mg/kg/h",
        Count = 3,
        AcknowledgedBy = state == AlertState.Acknowledged ? "charge" : null,
        AcknowledgedAt = state == AlertState.Acknowledged ? changedAt : null,
        Message = "Dose rate above the 0.5 mg/kg/h ceiling",
    };

    public static PumpCommand SetRate(string pumpId, DateTimeOffset issuedAt, CommandResult? result = null) =>
        new("cmd-" + pumpId, pumpId, PumpCommandKind.SetRate, 6.3m, "CEILING", issuedAt, issuedAt.AddSeconds(60), result, result is null ? null : issuedAt.AddSeconds(4));

    /// <summary>A reading point with a sequence number, for volume tests.</summary>
    public static ArchivePoint Numbered(string patientId, int sequence, DateTimeOffset at) =>
        new(ArchiveMeasurements.Vitals, at, new Dictionary<string, string> { ["patient"] = patientId }, new Dictionary<string, object> { ["seq"] = (double)sequence });

    /// <summary>Recent, whole milliseconds (the archive's precision), so what is read back compares exactly.</summary>
    public static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];
}
