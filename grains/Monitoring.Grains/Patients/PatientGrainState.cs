using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Patients;

/// <summary>
/// What a patient grain persists ("patients" storage), written on clinical transitions, not on every reading.
/// Protocol types (the clinical state, alerts) go through Orleans' JSON codec (see ProtocolSerialization).
/// </summary>
[GenerateSerializer]
public sealed class PatientGrainState
{
    /// <summary>The admission facts as last admitted or updated (contraindications in their wire spelling).</summary>
    [Id(0)] public Admission? Admission { get; set; }

    /// <summary>The protocol's state of the patient: course, dose ledger, pause protocol, devices, readings.</summary>
    [Id(1)] public PatientState? Clinical { get; set; }

    [Id(2)] public List<Alert> OpenAlerts { get; set; } = [];

    /// <summary>The most recent resolved alerts, oldest first, bounded.</summary>
    [Id(3)] public List<Alert> ResolvedAlerts { get; set; } = [];

    /// <summary>The n of the last alert id "p:{patientId}:{n}"; never reused, also across readmissions.</summary>
    [Id(4)] public long AlertCounter { get; set; }

    [Id(5)] public List<DeviceWatermark> Watermarks { get; set; } = [];

    [Id(6)] public DateTimeOffset? AdmittedAt { get; set; }

    [Id(7)] public bool Discharged { get; set; }

    [Id(8)] public DateTimeOffset? DischargedAt { get; set; }

    /// <summary>When the grain's timer is next due; rechecked on activation whatever it says.</summary>
    [Id(9)] public DateTimeOffset? NextDeadline { get; set; }

    /// <summary>Observation ids already taken (also retracted ones), newest last, bounded.</summary>
    [Id(10)] public List<string> SeenObservationIds { get; set; } = [];

    /// <summary>When each open alert last re-alarmed (the view's reAlarmedAt).</summary>
    [Id(11)] public Dictionary<string, DateTimeOffset> ReAlarmedAt { get; set; } = [];

    /// <summary>
    /// The audit outbox, oldest first (AuditOutbox): every entry is put here before the write that stores the change it
    /// records, and leaves once appended to the trail (that removal is stored with a later write). Entries the trail
    /// refused (PostgreSQL unreachable) stay and are retried by the retry timer, the durable wake-up, the next turn or
    /// activation, before any newer entry, so none is lost while the trail or the grain store is down.
    /// </summary>
    [Id(12)] public List<AuditEntry> PendingAudit { get; set; } = [];

    public bool IsAdmitted => Admission is not null && Clinical is not null && !Discharged;
}
