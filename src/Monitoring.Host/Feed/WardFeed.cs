using System.Collections.Concurrent;
using System.Collections.Immutable;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;

namespace Monitoring.Host.Feed;

/// <summary>The in-process <see cref="IWardFeed"/>: the silo's push observer publishes, subscribers each get their own ordered queue.</summary>
public sealed class WardFeed(ILogger<WardFeed> logger) : IWardFeed, IDisposable
{
    private readonly ConcurrentDictionary<string, ImmutableList<WardFeedSubscription>> _subscriptions = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string wardId, Func<WardPush, Task> onPush)
    {
        ArgumentException.ThrowIfNullOrEmpty(wardId);
        ArgumentNullException.ThrowIfNull(onPush);
        var subscription = new WardFeedSubscription(wardId, onPush, Unsubscribe, logger);
        _subscriptions.AddOrUpdate(wardId, _ => [subscription], (_, list) => list.Add(subscription));
        logger.FeedSubscribed(wardId);
        return subscription;
    }

    public int SubscriberCount(string wardId) => _subscriptions.TryGetValue(wardId, out var list) ? list.Count : 0;

    public void Publish(WardPush push)
    {
        if (_subscriptions.TryGetValue(push.WardId, out var list))
        {
            foreach (var subscription in list)
            {
                subscription.Enqueue(push);
            }
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions.Values.SelectMany(l => l))
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
    }

    private void Unsubscribe(WardFeedSubscription subscription)
    {
        _subscriptions.AddOrUpdate(subscription.WardId, _ => [], (_, list) => list.Remove(subscription));
        logger.FeedUnsubscribed(subscription.WardId);
    }
}
