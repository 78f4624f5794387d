using System.Diagnostics;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Grains.Options;

namespace Monitoring.Grains.Push;

/// <summary>
/// The silos' push observers (key 0), after dotnet/orleans' GPSTracker sample: each silo registers its observer
/// again every few seconds (this list is not persisted). A registration is a lease: an observer is handed out
/// until its silo is declared dead or it has not been renewed for <see cref="PushNotifierOptions.ObserverLease"/>.
/// Unlike the sample, a silo is not left out while this silo's view of the membership has yet to see it active:
/// that view can lag by a table refresh, and a silo that can register can take pushes (a delivery is time-bounded).
/// </summary>
public sealed class HubListGrain(IClusterMembershipService membership, IOptions<PushNotifierOptions> options) : Grain, IHubListGrain
{
    private readonly Dictionary<SiloAddress, (IWardPushObserver Observer, long RenewedAt)> _observers = [];

    public ValueTask AddObserver(SiloAddress silo, IWardPushObserver observer)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(observer);
        _observers[silo] = (observer, Stopwatch.GetTimestamp());
        return default;
    }

    public ValueTask<IReadOnlyList<IWardPushObserver>> GetObservers() => new(Live(except: null));

    public ValueTask<IReadOnlyList<IWardPushObserver>> GetObserversExcept(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return new(Live(silo));
    }

    private List<IWardPushObserver> Live(SiloAddress? except)
    {
        var snapshot = membership.CurrentSnapshot;
        var live = new List<IWardPushObserver>(_observers.Count);
        foreach (var (silo, (observer, renewedAt)) in _observers.ToList())
        {
            if (snapshot.GetSiloStatus(silo) == SiloStatus.Dead || Stopwatch.GetElapsedTime(renewedAt) > options.Value.ObserverLease)
            {
                _observers.Remove(silo);
                continue;
            }

            if (!silo.Equals(except))
            {
                live.Add(observer);
            }
        }

        return live;
    }
}
