using Monitoring.Contracts.Views;

namespace Monitoring.Contracts.Grains;

/// <summary>One per silo: delivers pushes to that silo's SignalR clients and in-process dashboard views.</summary>
public interface IWardPushObserver : IGrainObserver
{
    Task Deliver(IReadOnlyList<WardPush> batch);
}
