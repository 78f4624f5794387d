using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Host.Alerts;
using Monitoring.Host.Auth;
using Monitoring.Host.Seeds;

namespace Monitoring.Host.Hubs;

/// <summary>
/// /hubs/ward for external clients (signed-in users). JoinWard and GetWard show patient data, so they take
/// the same roles as GET /api/wards (Nurse, ChargeNurse); Acknowledge, RecordOrder and SetLimits are ChargeNurse only. A refused call
/// is a HubException. Pushes reach the groups through <see cref="WardPushObserver"/>.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class WardHub(IGrainFactory grains, AlertDesk desk, ILogger<WardHub> logger) : Hub
{
    private const string JoinedWardsKey = "joinedWards";

    [Authorize(Policy = Policies.ClinicalStaff)]
    public async Task JoinWard(string wardId)
    {
        RequireWardId(wardId);
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
        RequireWardId(wardId);
        return desk.GetWard(wardId);
    }

    [Authorize(Policy = Policies.ChargeNurse)]
    public async Task<AlertView?> Acknowledge(string alertId, string? note)
    {
        var outcome = await desk.Acknowledge(alertId, Actor, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        if (!outcome.Result.Succeeded)
        {
            throw new HubException($"{outcome.Result.Status}: {outcome.Result.Error}");
        }

        return outcome.Alert;
    }

    /// <summary>Extension: PUT /api/patients/{id}/order over the hub; returns the snapshot. A refusal is "400: field: reason".</summary>
    [Authorize(Policy = Policies.ChargeNurse)]
    public async Task<PatientSnapshot?> RecordOrder(string patientId, CourseOrderRequest order)
    {
        RequirePatientId(patientId);
        var patient = grains.GetGrain<IPatientGrain>(patientId);
        ThrowIfRefused(await patient.RecordOrder(order ?? throw new HubException("400: order: is required"), Actor));
        return await patient.GetSnapshot();
    }

    /// <summary>Extension: PUT /api/patients/{id}/limits over the hub; returns the snapshot.</summary>
    [Authorize(Policy = Policies.ChargeNurse)]
    public async Task<PatientSnapshot?> SetLimits(string patientId, PatientLimitsRequest limits)
    {
        RequirePatientId(patientId);
        var patient = grains.GetGrain<IPatientGrain>(patientId);
        ThrowIfRefused(await patient.SetLimits(limits ?? throw new HubException("400: limits: is required"), Actor));
        return await patient.GetSnapshot();
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

    private string Actor => Context.User?.Actor() ?? "unknown";

    private static void RequirePatientId(string patientId)
    {
        if (!Endpoints.EntityIds.IsValid(patientId))
        {
            throw new HubException("400: patientId: is not an id");
        }
    }

    private static void ThrowIfRefused(GrainResult result)
    {
        if (!result.Succeeded)
        {
            throw new HubException(result.Field is null ? $"{result.Status}: {result.Error}" : $"{result.Status}: {result.Field}: {result.Error}");
        }
    }

    private static void RequireWardId(string wardId)
    {
        if (!WardIds.IsValid(wardId))
        {
            throw new HubException("400: a ward id holds only letters, digits, '-', '_' and '.'");
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
