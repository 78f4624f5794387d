using Monitoring.Contracts.Grains;

namespace Monitoring.Grains.Push;

/// <summary>
/// The live silos' push observers (key 0), after dotnet/orleans' GPSTracker sample: each silo registers its
/// observer again every few seconds (this list is not persisted); observers of silos that are not active are
/// left out, and those of dead silos dropped, using the cluster membership.
/// </summary>
public sealed class HubListGrain(IClusterMembershipService membership) : Grain, IHubListGrain
{
    private readonly Dictionary<SiloAddress, IWardPushObserver> _observers = [];
    private MembershipVersion _cachedVersion;
    private List<IWardPushObserver>? _cache;

    public ValueTask AddObserver(SiloAddress silo, IWardPushObserver observer)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(observer);
        _observers[silo] = observer;
        _cache = null;
        return default;
    }

    public ValueTask<IReadOnlyList<IWardPushObserver>> GetObservers()
    {
        var snapshot = membership.CurrentSnapshot;
        if (_cache is not null && snapshot.Version == _cachedVersion)
        {
            return new(_cache);
        }

        var live = new List<IWardPushObserver>();
        foreach (var (silo, observer) in _observers.ToList())
        {
            switch (snapshot.GetSiloStatus(silo))
            {
                case SiloStatus.Active:
                    live.Add(observer);
                    break;
                case SiloStatus.Dead:
                    _observers.Remove(silo);
                    break;
            }
        }

        _cache = live;
        _cachedVersion = snapshot.Version;
        return new(live);
    }
}
