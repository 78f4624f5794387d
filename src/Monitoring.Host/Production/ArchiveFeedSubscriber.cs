using Monitoring.Archive;
using Monitoring.Contracts.Services;
using Monitoring.Grains.Configuration;

namespace Monitoring.Host.Production;

/// <summary>
/// Archives what this silo's push observer receives: subscribes to the in-process ward feed of every ward and hands
/// each push to <see cref="WardPushArchiver"/>, which never blocks nor throws. Off the push path: the feed gives each
/// subscriber its own queue, so SignalR clients and the dashboard never wait on the archive.
/// </summary>
public sealed class ArchiveFeedSubscriber(IWardFeed feed, WardRegistry wards, WardPushArchiver archiver) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var ward in wards.Wards)
        {
            var subscription = feed.Subscribe(ward.WardId, push =>
            {
                archiver.Archive(push);
                return Task.CompletedTask;
            });
            lock (_gate)
            {
                _subscriptions.Add(subscription);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Unsubscribes (stop, then again harmlessly when the container disposes it).</summary>
    public void Dispose()
    {
        IDisposable[] subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }
    }
}
