using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Monitoring.Application;
using Monitoring.Application.Access;
using Monitoring.Application.Alerts;
using Monitoring.Application.Clinical;
using Monitoring.Application.Devices;
using Monitoring.Application.Observations;
using Monitoring.Application.Outcomes;
using Monitoring.Application.Patients;
using Monitoring.Contracts;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;

namespace Monitoring.Dashboard.Services;

/// <summary>
/// The pages' commands: each one the same use case REST and the hub call (role, ward and validation checked there),
/// its outcome turned into a line beside the form. An observation is charted as the MQTT body it would be.
/// </summary>
public sealed class UseCaseClinicalCommands(UseCases useCases) : IClinicalCommands
{
    /// <summary>The sourceId of observations charted on the dashboard.</summary>
    public const string SourceId = "dashboard";

    public async Task<CommandOutcome> Acknowledge(ClaimsPrincipal user, AlertView alert, string? note)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return From(await useCases.Acknowledge.Handle(Caller.From(user), new AcknowledgeAlert(alert.Id, note)));
    }

    public async Task<ObservationOutcome> RecordObservation(ClaimsPrincipal user, string patientId, ObservationKind kind, string? value)
    {
        var body = new JsonObject
        {
            ["observationId"] = $"{SourceId}-{Guid.NewGuid():N}",
            ["kind"] = Wire.Name(kind),
        };
        if (ValueOf(kind, value) is { } typed)
        {
            body["value"] = typed;
        }
        else if (kind is not (ObservationKind.Hallucination or ObservationKind.Delirium))
        {
            return new ObservationOutcome(CommandOutcome.Refused("value", $"value: \"{value}\" cannot be read as a {Wire.Name(kind)} value"), null, null);
        }

        var outcome = await useCases.Chart.Handle(Caller.From(user), new ChartObservation(patientId, body, SourceId));
        return outcome.Value is { } charted
            ? new ObservationOutcome(CommandOutcome.Ok, charted.ObservationId, charted.Outcome.ToString().ToLowerInvariant())
            : new ObservationOutcome(From(outcome), null, null);
    }

    public async Task<CommandOutcome> Retract(ClaimsPrincipal user, string patientId, string observationId, string reason) =>
        From(await useCases.Retract.Handle(Caller.From(user), new RetractObservation(patientId, observationId, reason)));

    public async Task<CommandOutcome> Act(ClaimsPrincipal user, string patientId, ClinicianAction action) =>
        From(await useCases.Act.Handle(Caller.From(user), new TakeAction(patientId, action)));

    public async Task<CommandOutcome> Review(ClaimsPrincipal user, string patientId, bool benefit, string note) =>
        From(await useCases.Review.Handle(Caller.From(user), new RecordReview(patientId, benefit, note)));

    public async Task<CommandOutcome> RecordOrder(ClaimsPrincipal user, string patientId, CourseOrderRequest order) =>
        From(await useCases.RecordOrder.Handle(Caller.From(user), new RecordOrder(patientId, order)));

    public async Task<CommandOutcome> SetLimits(ClaimsPrincipal user, string patientId, PatientLimitsRequest limits) =>
        From(await useCases.SetLimits.Handle(Caller.From(user), new SetLimits(patientId, limits)));

    public async Task<CommandOutcome> Admit(ClaimsPrincipal user, Admission admission) =>
        From(await useCases.Admit.Handle(Caller.From(user), new AdmitPatient(admission)));

    public async Task<CommandOutcome> Update(ClaimsPrincipal user, Admission changes, IReadOnlyList<string> changedFields)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return From(await useCases.Update.Handle(Caller.From(user), new UpdatePatient(changes.Id, changes, changedFields)));
    }

    public async Task<CommandOutcome> Associate(ClaimsPrincipal user, string patientId, string deviceId, DeviceType type)
    {
        var request = type == DeviceType.Pump ? new AssociateDevices(patientId, deviceId, null) : new AssociateDevices(patientId, null, deviceId);
        return From(await useCases.Associate.Handle(Caller.From(user), request));
    }

    public async Task<CommandOutcome> Release(ClaimsPrincipal user, string patientId, string deviceId) =>
        From(await useCases.Release.Handle(Caller.From(user), new ReleaseDevice(patientId, deviceId)));

    public async Task<CommandOutcome> Discharge(ClaimsPrincipal user, string patientId) =>
        From(await useCases.Discharge.Handle(Caller.From(user), new DischargePatient(patientId)));

    /// <summary>The value as the MQTT body carries it: a JSON number, a letter, a boolean; null when it cannot be read.</summary>
    private static JsonValue? ValueOf(ObservationKind kind, string? value)
    {
        var text = value?.Trim() ?? "";
        return kind switch
        {
            ObservationKind.Hallucination or ObservationKind.Delirium => null,
            ObservationKind.Consciousness => text.Length > 0 ? JsonValue.Create(text) : null,
            ObservationKind.Oxygen => bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : null,
            _ => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : null,
        };
    }

    private static CommandOutcome From<T>(Outcome<T> outcome) =>
        outcome.Rejection is { } r ? CommandOutcome.From(r) : CommandOutcome.Ok;
}
