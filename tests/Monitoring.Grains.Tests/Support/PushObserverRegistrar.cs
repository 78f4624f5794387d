using Microsoft.Extensions.Hosting;
using Monitoring.Contracts.Grains;

namespace Monitoring.Grains.Tests.Support;

/// <summary>
/// Registers this silo's observer with the hub list, as the host does (GPSTracker's HubListUpdater): the
/// observer lives in the silo, and the registration is repeated because the hub list is not persisted.
/// </summary>
public sealed class PushObserverRegistrar(IGrainFactory grains, ILocalSiloDetails silo) : BackgroundService
{
    private SiloPushObserver? _observer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _observer = new SiloPushObserver(silo.SiloAddress);
        var reference = grains.CreateObjectReference<IWardPushObserver>(_observer);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IHubListGrain>(0).AddObserver(silo.SiloAddress, reference);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            }
        }
    }
}
