using System.Security.Claims;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;

namespace Monitoring.Dashboard.Services;

/// <summary>
/// What a nurse or charge nurse does from the dashboard, in-process through the grains. Every method checks
/// the signed-in user's role itself (a hidden button is not a permission) and names the actor for the audit.
/// </summary>
public interface IClinicalCommands
{
    /// <summary>ChargeNurse only.</summary>
    Task<CommandOutcome> Acknowledge(ClaimsPrincipal user, AlertView alert, string? note);

    /// <summary>Nurse or ChargeNurse. The value as typed (null for hallucination and delirium), validated like MQTT's.</summary>
    Task<ObservationOutcome> RecordObservation(ClaimsPrincipal user, string patientId, ObservationKind kind, string? value);

    Task<CommandOutcome> Retract(ClaimsPrincipal user, string patientId, string observationId, string reason);

    Task<CommandOutcome> Act(ClaimsPrincipal user, string patientId, ClinicianAction action);

    Task<CommandOutcome> Review(ClaimsPrincipal user, string patientId, bool benefit, string note);

    /// <summary>ChargeNurse only: the prescriber's order as transcribed (as PUT /api/patients/{id}/order).</summary>
    Task<CommandOutcome> RecordOrder(ClaimsPrincipal user, string patientId, CourseOrderRequest order);

    /// <summary>ChargeNurse only: patient-specific limits with a reason (as PUT /api/patients/{id}/limits).</summary>
    Task<CommandOutcome> SetLimits(ClaimsPrincipal user, string patientId, PatientLimitsRequest limits);

    Task<CommandOutcome> Admit(ClaimsPrincipal user, Admission admission);

    Task<CommandOutcome> Update(ClaimsPrincipal user, Admission changes, IReadOnlyList<string> changedFields);

    Task<CommandOutcome> Associate(ClaimsPrincipal user, string patientId, string deviceId, DeviceType type);

    Task<CommandOutcome> Release(ClaimsPrincipal user, string patientId, string deviceId);

    /// <summary>ChargeNurse only. The grain's own discharge (as DELETE /api/patients/{id}): refused while a pump runs; history kept.</summary>
    Task<CommandOutcome> Discharge(ClaimsPrincipal user, string patientId);
}
