using Monitoring.Contracts.Views;

namespace Monitoring.Dashboard.Services;

/// <summary>What the dashboard reads from the grains (in-process), and the watcher calls of WARD_UNWATCHED.</summary>
public interface IDashboardData
{
    /// <summary>Every bed's snapshot, the ward's devices and its alerts (all but resolved).</summary>
    Task<WardView> GetWard(string wardId);

    /// <summary>Null when the patient was never admitted.</summary>
    Task<PatientSnapshot?> GetPatient(string patientId);

    /// <summary>The patient's alerts, resolved ones included.</summary>
    Task<IReadOnlyList<AlertView>> GetPatientAlerts(string patientId);

    Task<PatientTrends> GetTrends(string patientId, TimeSpan window);

    /// <summary>The patient's charted observations still on record, newest first.</summary>
    Task<IReadOnlyList<ObservationView>> GetObservations(string patientId);

    /// <summary>The patient's audit trail, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAudit(string patientId);

    Task WatcherJoined(string wardId, string watcherId);

    Task WatcherLeft(string wardId, string watcherId);
}
