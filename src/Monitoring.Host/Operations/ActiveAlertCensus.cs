using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Monitoring.Contracts;
using Monitoring.Contracts.Grains;
using Monitoring.Grains.Configuration;
using Monitoring.Host.Options;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;

namespace Monitoring.Host.Operations;

/// <summary>
/// The gauge <c>monitoring.alerts.active{ward, priority, state}</c>: every alert not yet resolved, by its state
/// (active, acknowledged, latched), counted from the ward grains, which already index their patients' alerts and
/// hold their own (the same source as GET /api/alerts). Counted for the whole cluster by exactly one host: the
/// active silo first in address order, which every host works out alike from Orleans' membership. The others
/// report nothing, so summing the series over hosts counts each alert once. Summing per host instead (each
/// host counting the alerts whose grains it holds) would miss a ward whose grain is idle and not activated
/// anywhere; asking from every host would count each alert once per host. The counts are refreshed every
/// <see cref="AlertCensusOptions.RefreshInterval"/> in the background, not at scrape time (a gauge callback
/// cannot wait for grains), so a scrape sees them at most that old. While membership changes (a host joins or
/// dies) two hosts, or none, may report for a moment.
/// </summary>
public sealed class ActiveAlertCensus : BackgroundService
{
    private static readonly AlertState[] States = [AlertState.Active, AlertState.Acknowledged, AlertState.Latched];
    private static readonly AlertPriority[] Priorities = Enum.GetValues<AlertPriority>();

    private readonly IGrainFactory _grains;
    private readonly WardRegistry _wards;
    private readonly IClusterMembershipService _membership;
    private readonly ILocalSiloDetails _silo;
    private readonly AlertCensusOptions _options;
    private readonly ILogger<ActiveAlertCensus> _logger;
    private volatile IReadOnlyList<Measurement<long>> _counts = [];
    private bool _failing;

    public ActiveAlertCensus(
        IMeterFactory meterFactory,
        IGrainFactory grains,
        WardRegistry wards,
        IClusterMembershipService membership,
        ILocalSiloDetails silo,
        IOptions<AlertCensusOptions> options,
        ILogger<ActiveAlertCensus> logger)
    {
        _grains = grains;
        _wards = wards;
        _membership = membership;
        _silo = silo;
        _options = options.Value;
        _logger = logger;
        meterFactory.Create(AlertMeter.Name).CreateObservableGauge(
            "monitoring.alerts.active",
            () => _counts,
            unit: "{alert}",
            description: "Alerts not yet resolved, by ward, priority and state (active, acknowledged, latched); reported by one host for the whole cluster");
    }

    /// <summary>What the gauge reports now: nothing unless this host is the reporter and the last count succeeded.</summary>
    internal IReadOnlyList<Measurement<long>> Current => _counts;

    /// <summary>Whether this host reports the cluster's counts: its silo is the first active one in address order.</summary>
    public bool IsReporter => _membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status == SiloStatus.Active)
        .Select(m => m.SiloAddress)
        .OrderBy(a => a.ToParsableString(), StringComparer.Ordinal)
        .FirstOrDefault() is { } first && first.Equals(_silo.SiloAddress);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RefreshInterval);
        do
        {
            await RefreshAsync();
        }
        while (await WaitAsync(timer, stoppingToken));

        _counts = [];
    }

    private async Task RefreshAsync()
    {
        if (!IsReporter)
        {
            _counts = [];
            return;
        }

        try
        {
            var counts = new List<Measurement<long>>();
            foreach (var ward in _wards.Wards)
            {
                var open = await _grains.GetGrain<IWardGrain>(ward.WardId).GetAlerts(null);
                foreach (var priority in Priorities)
                {
                    foreach (var state in States)
                    {
                        counts.Add(new Measurement<long>(
                            open.Count(a => a.Priority == priority && a.State == state),
                            new KeyValuePair<string, object?>("ward", ward.WardId),
                            new KeyValuePair<string, object?>("priority", Wire.Name(priority)),
                            new KeyValuePair<string, object?>("state", Wire.Name(state))));
                    }
                }
            }

            _counts = counts;
            if (_failing)
            {
                _failing = false;
                _logger.AlertCensusRecovered();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No figure rather than a stale one: a missing series is visible, a frozen count is not.
            _counts = [];
            if (!_failing)
            {
                _failing = true;
                _logger.AlertCensusFailed(ex);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
