using Monitoring.Contracts;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Configuration;
using Monitoring.Protocol.Alerts;

namespace Monitoring.Host.Alerts;

/// <summary>Alert reads, shared by REST and the hub so both answer alike (acknowledging is the application's AcknowledgeAlertHandler).</summary>
public sealed class AlertDesk(IGrainFactory grains, WardRegistry wards)
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
}
