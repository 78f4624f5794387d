using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Monitoring.Contracts.Grains;

namespace Monitoring.Grains.Tests.Support;

/// <summary>
/// Registers this silo's observer with the hub list, as the host does (GPSTracker's HubListUpdater): the
/// observer lives in the silo, and the registration is repeated because the hub list is not persisted. Each
/// silo's attempts are kept, so a fixture that waits in vain can say what happened.
/// </summary>
public sealed class PushObserverRegistrar(IGrainFactory grains, ILocalSiloDetails silo, SiloPushObserver observer) : BackgroundService
{
    private static readonly ConcurrentDictionary<SiloAddress, string> Attempts = new();
    private static volatile bool _paused;

    /// <summary>While set, no silo renews its registration, so the hub list forgets them once their leases run out.</summary>
    public static bool Paused
    {
        get => _paused;
        set => _paused = value;
    }

    public static string Describe() =>
        Attempts.IsEmpty ? "none attempted" : string.Join("; ", Attempts.Select(a => $"{a.Key}: {a.Value}"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<IWardPushObserver>(observer);
        int succeeded = 0, failed = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (Paused)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                    continue;
                }

                // Bounded like the host's: a lost call must not stop the renewals for Orleans' whole response timeout.
                await grains.GetGrain<IHubListGrain>(0).AddObserver(silo.SiloAddress, reference).AsTask().WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
                Attempts[silo.SiloAddress] = $"{++succeeded} registered, {failed} failed";
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Attempts[silo.SiloAddress] = $"{succeeded} registered, {++failed} failed, last: {ex.GetType().Name} {ex.Message}";
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            }
        }
    }
}
