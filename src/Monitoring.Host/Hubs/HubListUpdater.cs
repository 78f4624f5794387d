using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Host.Options;

namespace Monitoring.Host.Hubs;

/// <summary>
/// Keeps this silo's <see cref="WardPushObserver"/> registered with <see cref="IHubListGrain"/>: again every
/// few seconds, since the hub list is not persisted and forgets observers when its silo goes (the
/// pattern of dotnet/orleans' GPSTracker sample).
/// </summary>
public sealed class HubListUpdater(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    WardPushObserver observer,
    PushPathState state,
    IOptions<PushOptions> options,
    ILogger<HubListUpdater> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hubList = grains.GetGrain<IHubListGrain>(0);
        IWardPushObserver? reference = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                reference ??= grains.CreateObjectReference<IWardPushObserver>(observer);
                // Bounded: a lost call must not stop the renewals for Orleans' whole response timeout.
                await hubList.AddObserver(silo.SiloAddress, reference).AsTask()
                    .WaitAsync(TimeSpan.FromSeconds(options.Value.ObserverRefreshSeconds), stoppingToken);
                if (!state.Registered)
                {
                    logger.ObserverRegistered(silo.SiloAddress);
                }

                state.MarkRegistered();
                failures = 0;
                wait = TimeSpan.FromSeconds(options.Value.ObserverRefreshSeconds);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // While the silo starts the first calls fail: say so quietly, then loudly if it persists.
                failures++;
                if (failures > 5)
                {
                    logger.ObserverRegistrationFailed(ex, silo.SiloAddress, failures);
                }
                else
                {
                    logger.ObserverRegistrationRetry(ex, failures);
                }

                wait = TimeSpan.FromSeconds(options.Value.RetrySeconds);
            }

            try
            {
                await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (reference is not null)
        {
            grains.DeleteObjectReference<IWardPushObserver>(reference);
        }
    }
}
