using Monitoring.Application.Access;
using Monitoring.Application.Handling;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;

namespace Monitoring.Application.Alerts;

/// <summary>
/// POST /api/alerts/{id}/acknowledge, the hub's Acknowledge and the dashboard's button: the alert's id names its owner
/// (a patient's grain or a ward's), which acknowledges, audits and pushes; the answer is the alert as it now stands.
/// </summary>
public sealed class AcknowledgeAlertHandler(UseCaseServices services) : UseCase<AcknowledgeAlert, AlertView?>(services)
{
    protected override Permission Permission => Permission.ChargeNurse;

    protected override string Name => "acknowledge";

    protected override string SubjectOf(AcknowledgeAlert request) => request.AlertId;

    protected override async Task<Outcome<AlertView?>> Run(Caller caller, AcknowledgeAlert request)
    {
        if (!AlertId.TryParse(request.AlertId, out var id))
        {
            return Rejection.NotFound($"no alert has the id '{request.AlertId}'");
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        return id.IsWardAlert ? await OnWard(caller, id.OwnerId, request.AlertId, note) : await OnPatient(caller, id.OwnerId, request.AlertId, note);
    }

    private async Task<Outcome<AlertView?>> OnWard(Caller caller, string wardId, string alertId, string? note)
    {
        if (Services.Wards.IsConfigured(wardId) && !Services.Wards.MaySee(caller, wardId))
        {
            return Rejection.Forbidden($"ward '{wardId}' is not one of this user's wards", "wardId");
        }

        var ward = Grains.GetGrain<IWardGrain>(wardId);
        var result = await ward.Acknowledge(alertId, caller.Actor, note);
        if (Rejection.From(result) is { } rejection)
        {
            return rejection;
        }

        return (await ward.GetAlerts(null)).Concat(await ward.GetAlerts(AlertState.Resolved)).FirstOrDefault(a => a.Id == alertId);
    }

    private async Task<Outcome<AlertView?>> OnPatient(Caller caller, string patientId, string alertId, string? note)
    {
        var patient = Grains.GetGrain<IPatientGrain>(patientId);
        if (PatientWards.RefuseUnseen(Services.Wards, caller, await patient.GetSnapshot()) is { } notTheirs)
        {
            return notTheirs;
        }

        var result = await patient.Acknowledge(alertId, caller.Actor, note);
        return Rejection.From(result) is { } rejection
            ? rejection
            : (await patient.GetAlerts(includeResolved: true)).FirstOrDefault(a => a.Id == alertId);
    }
}
