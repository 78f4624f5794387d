using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;

namespace Monitoring.Contracts.Grains;

/// <summary>
/// One patient (key: patient id): admission, the course of ketamine, the protocol's state and the
/// patient's alerts. Applies the protocol library to every reading and keeps its own deadlines.
/// </summary>
public interface IPatientGrain : IGrainWithStringKey
{
    /// <summary>Admit or readmit (within 24 h the course continues). 400 with field and reason on bad input.</summary>
    Task<GrainResult> Admit(Admission admission, string actor);

    /// <summary>PATCH: the changed admission fields only; each change audited.</summary>
    Task<GrainResult> Update(Admission changes, IReadOnlyList<string> changedFields, string actor);

    /// <summary>Called by the device grain once it has agreed to the association.</summary>
    Task<GrainResult> AttachDevice(string deviceId, Protocol.Evaluation.DeviceType type, string actor);

    /// <summary>
    /// DELETE /api/patients/{id}/devices/{deviceId}: the patient lets the device go, then tells the device grain
    /// to clear its association. The device grain never calls this (that would be a call cycle).
    /// </summary>
    Task<GrainResult> DetachDevice(string deviceId, string actor);

    /// <summary>409 while an associated pump runs; history kept.</summary>
    Task<GrainResult> Discharge(string actor);

    Task<ApplyOutcome> Apply(DeviceMessage message);

    Task<ApplyOutcome> RecordObservation(ObservationMessage message);

    Task<GrainResult> RetractObservation(string observationId, string reason, string actor);

    /// <summary>An associated device sent a message that was refused: DEVICE_DATA_INVALID on the bed.</summary>
    Task RefuseDeviceData(string deviceId, string reason);

    Task<GrainResult> Act(ClinicianAction action, string actor);

    Task<GrainResult> RecordReview(bool benefit, string note, string actor);

    /// <summary>PUT /api/patients/{id}/order: records the course order (audited); 400 with field and reason outside the protocol's bounds.</summary>
    Task<GrainResult> RecordOrder(CourseOrderRequest order, string actor);

    /// <summary>PUT /api/patients/{id}/limits: patient-specific limits with a reason (audited); 400 for a limit looser than the ward's.</summary>
    Task<GrainResult> SetLimits(PatientLimitsRequest limits, string actor);

    Task<GrainResult> Acknowledge(string alertId, string actor, string? note);

    /// <summary>Null when the patient was never admitted.</summary>
    Task<PatientSnapshot?> GetSnapshot();

    Task<IReadOnlyList<AlertView>> GetAlerts(bool includeResolved);

    /// <summary>The charted observations still on record, newest first (what a charge nurse may retract).</summary>
    Task<IReadOnlyList<ObservationView>> GetObservations();

    /// <summary>The dashboard's charts over the trailing window (kept in memory only; empty after a failover).</summary>
    Task<PatientTrends> GetTrends(TimeSpan window);
}
