using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;

namespace Monitoring.Dashboard.Services;

/// <summary>The dashboard's reads, straight from the grains of the co-hosted silo.</summary>
public sealed class GrainDashboardData(IGrainFactory grains, IAuditTrail audit) : IDashboardData
{
    public Task<WardView> GetWard(string wardId) => grains.GetGrain<IWardGrain>(wardId).GetWard();

    public Task<PatientSnapshot?> GetPatient(string patientId) => grains.GetGrain<IPatientGrain>(patientId).GetSnapshot();

    public Task<IReadOnlyList<AlertView>> GetPatientAlerts(string patientId) =>
        grains.GetGrain<IPatientGrain>(patientId).GetAlerts(includeResolved: true);

    public Task<PatientTrends> GetTrends(string patientId, TimeSpan window) => grains.GetGrain<IPatientGrain>(patientId).GetTrends(window);

    public Task<IReadOnlyList<ObservationView>> GetObservations(string patientId) => grains.GetGrain<IPatientGrain>(patientId).GetObservations();

    public Task<IReadOnlyList<AuditEntry>> GetAudit(string patientId) => audit.QueryAsync(patientId, null, null);

    public Task WatcherJoined(string wardId, string watcherId) => grains.GetGrain<IWardGrain>(wardId).WatcherJoined(watcherId);

    public Task WatcherLeft(string wardId, string watcherId) => grains.GetGrain<IWardGrain>(wardId).WatcherLeft(watcherId);
}
