using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Monitoring.Application.Access;
using Monitoring.Application.Alerts;
using Monitoring.Application.Clinical;
using Monitoring.Application.Outcomes;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Ids;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Host.Alerts;
using Monitoring.Host.Auth;

namespace Monitoring.Host.Hubs;

/// <summary>
/// /hubs/ward for external clients (signed-in users). JoinWard and GetWard show patient data, so they take
/// the same roles as GET /api/wards (Nurse, ChargeNurse); Acknowledge, RecordOrder and SetLimits are ChargeNurse only. A refused call
/// is a HubException. Pushes reach the groups through <see cref="WardPushObserver"/>.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class WardHub(
    IGrainFactory grains,
    AlertDesk desk,
    WardAccess access,
    AcknowledgeAlertHandler acknowledge,
    RecordOrderHandler recordOrder,
    SetLimitsHandler setLimits,
    ILogger<WardHub> logger) : Hub
{
    private const string JoinedWardsKey = "joinedWards";

    [Authorize(Policy = Policies.ClinicalStaff)]
    public async Task JoinWard(string wardId)
    {
        RequireVisibleWard(wardId);
        await Groups.AddToGroupAsync(Context.ConnectionId, WardGroups.Ward(wardId));
        if (Context.User?.IsInRole(Roles.ChargeNurse) == true)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, WardGroups.Charge(wardId));
        }

        if (JoinedWards().Add(wardId))
        {
            await grains.GetGrain<IWardGrain>(wardId).WatcherJoined(Context.ConnectionId);
        }

        logger.WardJoined(Context.ConnectionId, Actor, wardId);
    }

    /// <summary>Extension: stop watching a ward without disconnecting.</summary>
    [Authorize(Policy = Policies.ClinicalStaff)]
    public async Task LeaveWard(string wardId)
    {
        RequireWardId(wardId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, WardGroups.Ward(wardId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, WardGroups.Charge(wardId));
        if (JoinedWards().Remove(wardId))
        {
            await grains.GetGrain<IWardGrain>(wardId).WatcherLeft(Context.ConnectionId);
        }
    }

    /// <summary>After a reconnect: what GET /api/wards/{id} and GET /api/alerts?wardId={id} return.</summary>
    [Authorize(Policy = Policies.ClinicalStaff)]
    public Task<WardResync> GetWard(string wardId)
    {
        RequireVisibleWard(wardId);
        return desk.GetWard(wardId);
    }

    [Authorize(Policy = Policies.ChargeNurse)]
    public async Task<AlertView?> Acknowledge(string alertId, string? note)
    {
        var outcome = await acknowledge.Handle(Caller, new AcknowledgeAlert(alertId, note));
        if (outcome.Rejection is { } rejection)
        {
            throw new HubException($"{Endpoints.ApiResults.StatusOf(rejection.Kind)}: {rejection.Message}");
        }

        return outcome.Value;
    }

    /// <summary>Extension: PUT /api/patients/{id}/order over the hub; returns the snapshot. A refusal is "400: field: reason".</summary>
    [Authorize(Policy = Policies.ChargeNurse)]
    public async Task<PatientSnapshot?> RecordOrder(string patientId, CourseOrderRequest order)
    {
        RequirePatientId(patientId);
        return ValueOrThrow(await recordOrder.Handle(Caller, new RecordOrder(patientId, order ?? throw new HubException("400: order: is required"))));
    }

    /// <summary>Extension: PUT /api/patients/{id}/limits over the hub; returns the snapshot.</summary>
    [Authorize(Policy = Policies.ChargeNurse)]
    public async Task<PatientSnapshot?> SetLimits(string patientId, PatientLimitsRequest limits)
    {
        RequirePatientId(patientId);
        return ValueOrThrow(await setLimits.Handle(Caller, new SetLimits(patientId, limits ?? throw new HubException("400: limits: is required"))));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var wardId in JoinedWards())
        {
            try
            {
                await grains.GetGrain<IWardGrain>(wardId).WatcherLeft(Context.ConnectionId);
            }
            catch (Exception ex)
            {
                logger.WatcherLeftFailed(ex, wardId, Context.ConnectionId);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    private string Actor => Context.User?.Actor() ?? Caller.Unknown;

    private Caller Caller => Caller.From(Context.User ?? new System.Security.Claims.ClaimsPrincipal());

    private static void RequirePatientId(string patientId)
    {
        if (!EntityIds.IsValid(patientId))
        {
            throw new HubException("400: patientId: is not an id");
        }
    }

    /// <summary>An accepted outcome's value; a rejected one as the hub's error text, "status: field: reason".</summary>
    private static T? ValueOrThrow<T>(Outcome<T> outcome)
    {
        if (outcome.Rejection is { } r)
        {
            var status = Endpoints.ApiResults.StatusOf(r.Kind);
            throw new HubException(r.Field is null ? $"{status}: {r.Message}" : $"{status}: {r.Field}: {r.Message}");
        }

        return outcome.Value;
    }

    private static void RequireWardId(string wardId)
    {
        if (!WardIds.IsValid(wardId))
        {
            throw new HubException($"400: {WardIds.Rule}");
        }
    }

    /// <summary>Only configured wards the user may see: an unknown id activates no ward grain, another's ward shows nothing.</summary>
    private void RequireVisibleWard(string wardId)
    {
        RequireWardId(wardId);
        if (!access.IsConfigured(wardId))
        {
            throw new HubException($"404: no ward has the id '{wardId}'");
        }

        if (!access.MaySee(Context.User!, wardId))
        {
            throw new HubException($"403: ward '{wardId}' is not one of this user's wards");
        }
    }

    private HashSet<string> JoinedWards()
    {
        if (Context.Items.TryGetValue(JoinedWardsKey, out var value) && value is HashSet<string> wards)
        {
            return wards;
        }

        wards = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[JoinedWardsKey] = wards;
        return wards;
    }
}
