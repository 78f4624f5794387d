using Monitoring.Contracts;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Configuration;
using Monitoring.Protocol.Alerts;

namespace Monitoring.Host.Alerts;

/// <summary>Alert reads, shared by REST and the hub so both answer alike (acknowledging is the application's AcknowledgeAlertHandler).</summary>
public sealed class AlertDesk(IGrainFactory grains, WardRegistry wards)
{
    /// <summary>Reads a state filter as the contract spells it (any case): null for none, false for an unknown state.</summary>
    public static bool TryParseState(string? text, out AlertState? state)
    {
        state = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!Wire.TryParse(text, out AlertState parsed))
        {
            return false;
        }

        state = parsed;
        return true;
    }

    /// <summary>The alerts of one ward, or of every configured ward; with no state, all but resolved.</summary>
    public Task<IReadOnlyList<AlertView>> GetAlerts(string? wardId, AlertState? state) =>
        GetAlerts(wardId is null ? [.. wards.Wards.Select(w => w.WardId)] : [wardId], state);

    /// <summary>The alerts of the given wards, oldest first; with no state, all but resolved.</summary>
    public async Task<IReadOnlyList<AlertView>> GetAlerts(IReadOnlyList<string> wardIds, AlertState? state)
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
