using System.Security.Claims;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Dashboard.Services;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;

namespace Monitoring.Dashboard.Tests.Support;

/// <summary>Records every command and answers what the test set (success by default).</summary>
public sealed class FakeCommands : IClinicalCommands
{
    public List<string> Calls { get; } = [];

    public CommandOutcome Answer { get; set; } = CommandOutcome.Ok;

    public Admission? LastAdmission { get; private set; }

    public IReadOnlyList<string>? LastChanged { get; private set; }

    public Task<CommandOutcome> Acknowledge(ClaimsPrincipal user, AlertView alert, string? note) =>
        Record($"ack {alert.Id} {note} by {user.Identity?.Name}");

    public Task<ObservationOutcome> RecordObservation(ClaimsPrincipal user, string patientId, ObservationKind kind, string? value)
    {
        Calls.Add($"obs {patientId} {kind} {value}");
        return Task.FromResult(new ObservationOutcome(Answer, Answer.Succeeded ? "dashboard-1" : null, Answer.Succeeded ? "applied" : null));
    }

    public Task<CommandOutcome> Retract(ClaimsPrincipal user, string patientId, string observationId, string reason) => Record($"retract {observationId} {reason}");

    public Task<CommandOutcome> Act(ClaimsPrincipal user, string patientId, ClinicianAction action) => Record($"act {action.Action} {action.Target} {action.Reason}");

    public Task<CommandOutcome> Review(ClaimsPrincipal user, string patientId, bool benefit, string note) => Record($"review {benefit} {note}");

    public Task<CommandOutcome> RecordOrder(ClaimsPrincipal user, string patientId, CourseOrderRequest order) =>
        Record($"order {patientId} {order.Prescriber} {order.Regimen} {order.ConcentrationMgPerMl} {order.StartRateMgPerKgPerHour} {order.MaxRateMgPerKgPerHour}");

    public Task<CommandOutcome> SetLimits(ClaimsPrincipal user, string patientId, PatientLimitsRequest limits) =>
        Record($"limits {patientId} {limits.MaxRateMgPerKgPerHour} {limits.UsualMinMgPerKgPerHour} {limits.UsualMaxMgPerKgPerHour} {limits.AcuteBolusLimitMgPerKg} {limits.Reason}");

    public Task<CommandOutcome> Admit(ClaimsPrincipal user, Admission admission)
    {
        LastAdmission = admission;
        return Record($"admit {admission.Id}");
    }

    public Task<CommandOutcome> Update(ClaimsPrincipal user, Admission changes, IReadOnlyList<string> changedFields)
    {
        LastAdmission = changes;
        LastChanged = changedFields;
        return Record($"update {changes.Id}");
    }

    public Task<CommandOutcome> Associate(ClaimsPrincipal user, string patientId, string deviceId, DeviceType type) => Record($"associate {deviceId}");

    public Task<CommandOutcome> Release(ClaimsPrincipal user, string patientId, string deviceId) => Record($"release {deviceId}");

    public Task<CommandOutcome> Discharge(ClaimsPrincipal user, string patientId) => Record($"discharge {patientId} by {user.Identity?.Name}");

    private Task<CommandOutcome> Record(string call)
    {
        Calls.Add(call);
        return Task.FromResult(Answer);
    }
}
