namespace Monitoring.Contracts.Grains;

/// <summary>The live silos' push observers (key 0), so a push reaches clients on any host.</summary>
public interface IHubListGrain : IGrainWithIntegerKey
{
    ValueTask AddObserver(SiloAddress silo, IWardPushObserver observer);

    ValueTask<IReadOnlyList<IWardPushObserver>> GetObservers();

    /// <summary>The observers of every silo but <paramref name="silo"/> (which delivers to its own directly).</summary>
    ValueTask<IReadOnlyList<IWardPushObserver>> GetObserversExcept(SiloAddress silo);
}
