using System.Threading.Channels;
using Monitoring.Contracts.Views;

namespace Monitoring.Host.Feed;

/// <summary>
/// One subscriber's ordered queue and the loop that hands it pushes. Bounded: a subscriber that stops
/// reading loses its oldest pushes (counted and logged) rather than the host's memory; every push
/// carries a whole snapshot or alert, so the next one brings it up to date.
/// </summary>
public sealed class WardFeedSubscription : IDisposable
{
    private const int Capacity = 1024;

    private readonly Channel<WardPush> _queue;
    private readonly Func<WardPush, Task> _onPush;
    private readonly Action<WardFeedSubscription> _unsubscribe;
    private readonly ILogger _logger;
    private int _dropped;
    private int _disposed;

    public WardFeedSubscription(string wardId, Func<WardPush, Task> onPush, Action<WardFeedSubscription> unsubscribe, ILogger logger)
    {
        WardId = wardId;
        _onPush = onPush;
        _unsubscribe = unsubscribe;
        _logger = logger;
        _queue = Channel.CreateBounded<WardPush>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        _ = Task.Run(Pump);
    }

    public string WardId { get; }

    public void Enqueue(WardPush push) => _queue.Writer.TryWrite(push);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _queue.Writer.TryComplete();
            _unsubscribe(this);
        }
    }

    private async Task Pump()
    {
        await foreach (var push in _queue.Reader.ReadAllAsync())
        {
            var dropped = Interlocked.Exchange(ref _dropped, 0);
            if (dropped > 0)
            {
                _logger.FeedDropped(WardId, dropped);
            }

            try
            {
                await _onPush(push);
            }
            catch (Exception ex)
            {
                _logger.FeedSubscriberFailed(ex, WardId, push.Kind);
            }
        }
    }
}
