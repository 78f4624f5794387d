using Monitoring.Contracts;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Configuration;
using Monitoring.Protocol.Alerts;

namespace Monitoring.Host.Alerts;

/// <summary>Alert reads and acknowledgements, shared by REST and the hub so both answer alike.</summary>
public sealed class AlertDesk(IGrainFactory grains, WardRegistry wards, ILogger<AlertDesk> logger)
{
    /// <summary>Normalises a state filter to the contract's spelling; false for an unknown state.</summary>
    public static bool TryNormaliseState(string? state, out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(state))
        {
            return true;
        }

        if (!Wire.TryParse(state, out AlertState parsed))
        {
            return false;
        }

        normalised = Wire.Name(parsed);
        return true;
    }

    /// <summary>The alerts of one ward, or of every configured ward; with no state, all but resolved.</summary>
    public Task<IReadOnlyList<AlertView>> GetAlerts(string? wardId, string? state) =>
        GetAlerts(wardId is null ? [.. wards.Wards.Select(w => w.WardId)] : [wardId], state);

    /// <summary>The alerts of the given wards, oldest first; with no state, all but resolved.</summary>
    public async Task<IReadOnlyList<AlertView>> GetAlerts(IReadOnlyList<string> wardIds, string? state)
    {
        ArgumentNullException.ThrowIfNull(wardIds);
        var perWard = await Task.WhenAll(wardIds.Select(id => grains.GetGrain<IWardGrain>(id).GetAlerts(state)));
        return [.. perWard.SelectMany(a => a).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    public async Task<WardResync> GetWard(string wardId)
    {
        var ward = grains.GetGrain<IWardGrain>(wardId);
        var view = ward.GetWard();
        var alerts = ward.GetAlerts(null);
        return new WardResync(await view, await alerts);
    }

    public async Task<AcknowledgeOutcome> Acknowledge(string alertId, string actor, string? note)
    {
        if (!AlertId.TryParse(alertId, out var id))
        {
            return new AcknowledgeOutcome(GrainResult.NotFound($"no alert has the id '{alertId}'"), null);
        }

        GrainResult result;
        AlertView? alert = null;
        if (id.IsWardAlert)
        {
            var ward = grains.GetGrain<IWardGrain>(id.OwnerId);
            result = await ward.Acknowledge(alertId, actor, note);
            if (result.Succeeded)
            {
                alert = (await ward.GetAlerts(null)).Concat(await ward.GetAlerts("resolved")).FirstOrDefault(a => a.Id == alertId);
            }
        }
        else
        {
            var patient = grains.GetGrain<IPatientGrain>(id.OwnerId);
            result = await patient.Acknowledge(alertId, actor, note);
            if (result.Succeeded)
            {
                alert = (await patient.GetAlerts(includeResolved: true)).FirstOrDefault(a => a.Id == alertId);
            }
        }

        if (result.Succeeded)
        {
            logger.AlertAcknowledged(alertId, actor);
        }
        else
        {
            logger.AlertAcknowledgeRefused(alertId, actor, result.Status, result.Error);
        }

        return new AcknowledgeOutcome(result, alert);
    }
}
