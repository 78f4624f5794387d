using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;

namespace Monitoring.Contracts.Grains;

/// <summary>
/// One ward (key: ward id): its beds' latest snapshots (pushed by the patient grains), its device
/// inventory, its watchers and its ward alerts (UNASSOCIATED_DEVICE, WARD_UNWATCHED).
/// </summary>
public interface IWardGrain : IGrainWithStringKey
{
    Task<WardView> GetWard();

    Task<bool> IsEnforcing();

    Task BedChanged(PatientSnapshot snapshot);

    Task BedRemoved(string patientId);

    /// <summary>A patient alert changed: the ward's alert index follows it.</summary>
    Task AlertChanged(AlertView alert);

    Task DeviceRegistered(string deviceId, DeviceType type);

    Task DeviceAssociation(string deviceId, DeviceType type, string? patientId);

    /// <summary>An unassociated device of the inventory reported (a running pump with nobody is an alert).</summary>
    Task DeviceSeen(string deviceId, PumpState? pumpState, DateTimeOffset at);

    /// <summary>A viewer (hub connection or dashboard view) started or stopped watching the ward.</summary>
    Task WatcherJoined(string watcherId);

    Task WatcherLeft(string watcherId);

    /// <summary>A charted observation meant for this ward was refused (ingest): OBSERVATION_REFUSED.</summary>
    Task ObservationRefused(string patientId, string reason);

    /// <summary>Every alert of the ward; with no state, all but resolved.</summary>
    Task<IReadOnlyList<AlertView>> GetAlerts(AlertState? state);

    Task<GrainResult> Acknowledge(string alertId, string actor, string? note);
}
