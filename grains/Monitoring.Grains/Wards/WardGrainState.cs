using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;

namespace Monitoring.Grains.Wards;

/// <summary>
/// What a ward grain persists ("wards" storage): its beds (patient ids), its device inventory and its own alerts.
/// Bed snapshots, the patients' alert index and the watchers live in memory and are rebuilt on activation.
/// </summary>
[GenerateSerializer]
public sealed class WardGrainState
{
    /// <summary>The seed file's inventory was taken in (once: later changes are the ward's own).</summary>
    [Id(0)] public bool Seeded { get; set; }

    [Id(1)] public List<string> PatientIds { get; set; } = [];

    [Id(2)] public List<WardDeviceEntry> Devices { get; set; } = [];

    [Id(3)] public List<Alert> OpenAlerts { get; set; } = [];

    [Id(4)] public List<Alert> ResolvedAlerts { get; set; } = [];

    /// <summary>The n of the last ward alert id "w:{wardId}:{n}".</summary>
    [Id(5)] public long AlertCounter { get; set; }

    /// <summary>
    /// The audit outbox of the ward's alerts, oldest first (AuditOutbox): each entry is stored here by the write of its
    /// change and leaves once appended to the trail; those the trail refused are retried before any newer one.
    /// </summary>
    [Id(6)] public List<AuditEntry> PendingAudit { get; set; } = [];

    /// <summary>The current run of refused observations (OBSERVATION_REFUSED); null when none came.</summary>
    [Id(7)] public ObservationRefusals? ObservationRefusals { get; set; }
}
