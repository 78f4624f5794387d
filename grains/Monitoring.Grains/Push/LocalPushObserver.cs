using Monitoring.Contracts.Grains;

namespace Monitoring.Grains.Push;

/// <summary>
/// This silo's own push observer, registered in the silo's services by the host. The silo's push workers hand it
/// their batches directly, so the screens of the host that raised an alert get it even while the hub list is
/// being placed again after a failover or has not yet heard from this silo; the hub list serves the other silos.
/// </summary>
public sealed record LocalPushObserver(IWardPushObserver Observer);
