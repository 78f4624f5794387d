using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Options;
using Orleans.Concurrency;
using Monitoring.Grains.Logging;

namespace Monitoring.Grains.Push;

/// <summary>
/// Batches ward pushes and fans them out to every live silo's observer (GPSTracker's pattern): this silo's own
/// directly (<see cref="LocalPushObserver"/>, when the host registered one), the others' as the hub list names
/// them. Unlike the sample, every queued push is sent: at the latest one flush interval after it arrived, at once
/// when the batch is full. The interval runs on real time, not on the clinical clock: a virtual test clock that stands
/// still must not hold back what the screens show. One observer failing, or not answering within
/// <see cref="PushNotifierOptions.DeliverTimeout"/>, is logged and the others still get the batch.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class PushNotifierGrain(
    IOptions<PushNotifierOptions> options,
    IEnumerable<LocalPushObserver> localObservers,
    ILocalSiloDetails silo,
    ILogger<PushNotifierGrain> logger) : Grain, IPushNotifierGrain
{
    private readonly PushNotifierOptions _options = options.Value;
    private readonly IWardPushObserver? _local = localObservers.SingleOrDefault()?.Observer;
    private readonly List<WardPush> _queue = [];
    private Task _flushing = Task.CompletedTask;
    private bool _flushScheduled;
    private IReadOnlyList<IWardPushObserver> _observers = [];
    private long? _observersFetchedAt;

    public Task Push(WardPush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        _queue.Add(push);
        if (_queue.Count >= _options.MaxBatch)
        {
            StartFlush();
        }
        else if (!_flushScheduled)
        {
            _flushScheduled = true;
            _ = FlushAfterInterval();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StartFlush();

        // Bounded: while the silo shuts down the hub list may no longer be placeable, and an unbounded flush would hold
        // the whole shutdown until Orleans' deactivation timeout. Screens resynchronise on reconnect; nothing clinical is here.
        try
        {
            await _flushing.WaitAsync(_options.DeliverTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            logger.PushesNotDeliveredOnDeactivation(_queue.Count, reason.ReasonCode);
        }
    }

    private async Task FlushAfterInterval()
    {
        try
        {
            await Task.Delay(_options.FlushInterval);
        }
        finally
        {
            _flushScheduled = false;
            StartFlush();
        }
    }

    private void StartFlush()
    {
        // One flush loop at a time; it keeps going while pushes arrive during its sends.
        if (_flushing.IsCompleted && _queue.Count > 0)
        {
            _flushing = FlushLoop();
        }
    }

    private async Task FlushLoop()
    {
        while (_queue.Count > 0)
        {
            var batch = _queue.Take(_options.MaxBatch).ToList();
            _queue.RemoveRange(0, batch.Count);
            // This silo's screens first: they need not wait for the hub list to answer.
            var local = _local is null ? Task.CompletedTask : Deliver(_local, batch);
            var remote = await Observers();
            if (_local is null && remote.Count == 0)
            {
                logger.PushesDroppedNoObserver(batch.Count);
                continue;
            }

            await Task.WhenAll(remote.Select(o => Deliver(o, batch)).Append(local));
        }
    }

    private async Task Deliver(IWardPushObserver observer, List<WardPush> batch)
    {
        try
        {
            await observer.Deliver(batch).WaitAsync(_options.DeliverTimeout);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A dead or stuck silo must not hold back what the other silos' screens show.
            logger.PushObserverFailed(ex, batch.Count);
        }
    }

    private async Task<IReadOnlyList<IWardPushObserver>> Observers()
    {
        var now = Stopwatch.GetTimestamp();
        if (_observersFetchedAt is { } at && Stopwatch.GetElapsedTime(at, now) < _options.ObserverCacheFor)
        {
            return _observers;
        }

        try
        {
            // Bounded: a lost call would otherwise hold every push for Orleans' whole response timeout.
            var hubList = GrainFactory.GetGrain<IHubListGrain>(0);
            var read = _local is null ? hubList.GetObservers() : hubList.GetObserversExcept(silo.SiloAddress);
            _observers = await read.AsTask().WaitAsync(_options.DeliverTimeout);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The last list known still reaches the screens it reached a moment ago; better than dropping the batch.
            // It is used for the cache period before the next try, so an unreachable hub list (a failover) holds back
            // the other silos' pushes once per period, not every batch.
            logger.PushObserversNotRead(ex, _observers.Count);
        }

        _observersFetchedAt = now;
        return _observers;
    }
}
