using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Monitoring.Contracts;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Ingest.Parsing;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;

namespace Monitoring.Dashboard.Services;

/// <summary>
/// The dashboard's commands, in-process: observations go through ingest's own <see cref="PayloadParser"/>
/// (the MQTT body, the same validation) and then the same grain call as MQTT and REST.
/// </summary>
public sealed class GrainClinicalCommands(
    IGrainFactory grains,
    PayloadParser parser,
    TimeProvider clock,
    ILogger<GrainClinicalCommands> logger) : IClinicalCommands
{
    /// <summary>The sourceId of observations charted on the dashboard.</summary>
    public const string SourceId = "dashboard";

    public async Task<CommandOutcome> Acknowledge(ClaimsPrincipal user, AlertView alert, string? note)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!IsCharge(user))
        {
            logger.CommandForbidden("acknowledge", Actor(user));
            return CommandOutcome.Forbidden;
        }

        // The ward grain takes both kinds: its own alerts, and a patient's (handed on to the patient grain).
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var result = await grains.GetGrain<IWardGrain>(alert.WardId).Acknowledge(alert.Id, Actor(user), text);
        logger.Acknowledged(alert.Id, Actor(user), result.Status);
        return From(result);
    }

    public async Task<ObservationOutcome> RecordObservation(ClaimsPrincipal user, string patientId, ObservationKind kind, string? value)
    {
        if (!IsClinical(user))
        {
            logger.CommandForbidden("observation", Actor(user));
            return new ObservationOutcome(CommandOutcome.Forbidden, null, null);
        }

        var observationId = $"{SourceId}-{Guid.NewGuid():N}";
        var body = new Dictionary<string, object?>
        {
            ["observationId"] = observationId,
            ["sourceId"] = SourceId,
            ["kind"] = Wire.Name(kind),
            ["recordedBy"] = Actor(user),
        };
        if (ValueOf(kind, value) is { } typed)
        {
            body["value"] = typed;
        }
        else if (kind is not (ObservationKind.Hallucination or ObservationKind.Delirium))
        {
            return new ObservationOutcome(CommandOutcome.Refused("value", $"value: \"{value}\" cannot be read as a {Wire.Name(kind)} value"), null, null);
        }

        var parsed = parser.ParseObservation(patientId, JsonSerializer.SerializeToUtf8Bytes(body), clock.GetUtcNow());
        if (parsed is Refusal refusal)
        {
            return new ObservationOutcome(CommandOutcome.Refused(refusal.Field, refusal.Reason), null, null);
        }

        if (parsed is not ParsedObservation observation)
        {
            return new ObservationOutcome(CommandOutcome.Refused(null, "the observation cannot be read"), null, null);
        }

        var outcome = await grains.GetGrain<IPatientGrain>(patientId).RecordObservation(observation.Message);
        logger.ObservationRecorded(patientId, observationId, outcome.ToString());
        if (outcome == ApplyOutcome.UnknownPatient)
        {
            return new ObservationOutcome(CommandOutcome.Refused("patientId", "this patient is not admitted"), null, null);
        }

        return new ObservationOutcome(CommandOutcome.Ok, observationId, outcome.ToString().ToLowerInvariant());
    }

    public Task<CommandOutcome> Retract(ClaimsPrincipal user, string patientId, string observationId, string reason) =>
        Charge(user, "retract", async actor =>
        {
            if (string.IsNullOrWhiteSpace(observationId))
            {
                return GrainResult.BadRequest("observationId", "name the entry to retract");
            }

            return await grains.GetGrain<IPatientGrain>(patientId).RetractObservation(observationId.Trim(), reason.Trim(), actor);
        });

    public Task<CommandOutcome> Act(ClaimsPrincipal user, string patientId, ClinicianAction action) =>
        Charge(user, "action", actor => grains.GetGrain<IPatientGrain>(patientId).Act(action, actor));

    public Task<CommandOutcome> Review(ClaimsPrincipal user, string patientId, bool benefit, string note) =>
        Charge(user, "review", actor => grains.GetGrain<IPatientGrain>(patientId).RecordReview(benefit, note.Trim(), actor));

    public Task<CommandOutcome> RecordOrder(ClaimsPrincipal user, string patientId, CourseOrderRequest order) =>
        Charge(user, "order", actor => grains.GetGrain<IPatientGrain>(patientId).RecordOrder(order, actor));

    public Task<CommandOutcome> SetLimits(ClaimsPrincipal user, string patientId, PatientLimitsRequest limits) =>
        Charge(user, "limits", actor => grains.GetGrain<IPatientGrain>(patientId).SetLimits(limits, actor));

    public Task<CommandOutcome> Admit(ClaimsPrincipal user, Admission admission) =>
        Charge(user, "admit", actor =>
        {
            ArgumentNullException.ThrowIfNull(admission);
            return string.IsNullOrWhiteSpace(admission.Id)
                ? Task.FromResult(GrainResult.BadRequest("id", "a patient id is required"))
                : grains.GetGrain<IPatientGrain>(admission.Id).Admit(admission, actor);
        });

    public Task<CommandOutcome> Update(ClaimsPrincipal user, Admission changes, IReadOnlyList<string> changedFields) =>
        Charge(user, "update", actor =>
        {
            ArgumentNullException.ThrowIfNull(changes);
            return changedFields.Count == 0
                ? Task.FromResult(GrainResult.BadRequest("", "nothing was changed"))
                : grains.GetGrain<IPatientGrain>(changes.Id).Update(changes, changedFields, actor);
        });

    public Task<CommandOutcome> Associate(ClaimsPrincipal user, string patientId, string wardId, string deviceId, DeviceType type) =>
        Charge(user, "associate", actor =>
            string.IsNullOrWhiteSpace(deviceId)
                ? Task.FromResult(GrainResult.BadRequest(type == DeviceType.Pump ? "pumpId" : "monitorId", "choose a device"))
                : grains.GetGrain<IDeviceGrain>(deviceId.Trim()).Associate(patientId, wardId, type, actor));

    public Task<CommandOutcome> Release(ClaimsPrincipal user, string patientId, string deviceId) =>
        Charge(user, "release", actor => grains.GetGrain<IPatientGrain>(patientId).DetachDevice(deviceId, actor));

    public Task<CommandOutcome> Discharge(ClaimsPrincipal user, string patientId) =>
        Charge(user, "discharge", actor => grains.GetGrain<IPatientGrain>(patientId).Discharge(actor));

    private async Task<CommandOutcome> Charge(ClaimsPrincipal user, string what, Func<string, Task<GrainResult>> command)
    {
        if (!IsCharge(user))
        {
            logger.CommandForbidden(what, Actor(user));
            return CommandOutcome.Forbidden;
        }

        var result = await command(Actor(user));
        logger.CommandDone(what, Actor(user), result.Status);
        return From(result);
    }

    /// <summary>The value as the MQTT body carries it: a JSON number, a letter, a boolean; null when it cannot be read.</summary>
    private static object? ValueOf(ObservationKind kind, string? value)
    {
        var text = value?.Trim() ?? "";
        return kind switch
        {
            ObservationKind.Hallucination or ObservationKind.Delirium => null,
            ObservationKind.Consciousness => text.Length > 0 ? text : null,
            ObservationKind.Oxygen => bool.TryParse(text, out var flag) ? flag : null,
            _ => decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null,
        };
    }

    private static CommandOutcome From(GrainResult result) =>
        result.Succeeded ? CommandOutcome.Ok : CommandOutcome.Refused(result.Field, result.Error ?? $"refused ({result.Status})");

    private static bool IsCharge(ClaimsPrincipal user) => user.IsInRole(DashboardRoles.ChargeNurse);

    private static bool IsClinical(ClaimsPrincipal user) => user.IsInRole(DashboardRoles.Nurse) || user.IsInRole(DashboardRoles.ChargeNurse);

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
