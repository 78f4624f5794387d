using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ingest.Configuration;
using Monitoring.Ingest.Mqtt;

namespace Monitoring.Ingest.Pipeline;

/// <summary>
/// Between the receive handler and the grains: a queue per device (per patient for observations), so one device's
/// backlog or unreachable grain delays no other device by more than its turn. Each lane hands its messages over one at a
/// time, in order; at most <c>Ingest:Workers</c> hand-overs run at once, and lanes take turns for a place (a FIFO gate),
/// so a busy lane gets one place per round like any other. A message whose grain cannot be reached (or does not answer
/// within <c>Ingest:HandoverTimeout</c>) is retried with backoff while its lane waits holding no place, and is
/// acknowledged only once its grain has applied it. <see cref="Enqueue"/> never blocks: the MQTT receive loop that every
/// device shares must never wait for one device.
/// </summary>
public sealed partial class DeviceLanes : IDisposable
{
    private readonly MessageProcessor _processor;
    private readonly MqttConnection _connection;
    private readonly IngestMetrics _metrics;
    private readonly IngestHealth _health;
    private readonly IngestOptions _options;
    private readonly ILogger<DeviceLanes> _logger;
    private readonly SemaphoreSlim _places;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, DeviceLane> _lanes = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _runners = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _failingLanes;

    // Retry waits and health times run on real time even when the product runs on a virtual clock.
    private readonly TimeProvider _realTime = TimeProvider.System;

    public DeviceLanes(MessageProcessor processor, MqttConnection connection, IngestMetrics metrics, IngestHealth health,
        IOptions<IngestOptions> options, ILogger<DeviceLanes> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _processor = processor;
        _connection = connection;
        _metrics = metrics;
        _health = health;
        _options = options.Value;
        _logger = logger;
        _places = new SemaphoreSlim(_options.Workers, _options.Workers);
    }

    /// <summary>Messages received and not yet handed over, over all lanes.</summary>
    public int Queued
    {
        get
        {
            lock (_sync)
            {
                return _lanes.Values.Sum(l => l.Items.Count);
            }
        }
    }

    /// <summary>Queues the message on its lane and returns at once.</summary>
    /// <returns>False once stopped: the message stays unacknowledged for the broker to keep.</returns>
    public bool Enqueue(string key, IngestItem item)
    {
        DeviceLane lane;
        lock (_sync)
        {
            if (_stopping.IsCancellationRequested)
            {
                return false;
            }

            if (!_lanes.TryGetValue(key, out lane!))
            {
                lane = new DeviceLane(key);
                _lanes.Add(key, lane);
            }

            lane.Items.Enqueue(item);
            if (lane.Running)
            {
                return true;
            }

            lane.Running = true;
            var runner = Task.Run(() => RunAsync(lane));
            _runners.Add(runner);
            _ = runner.ContinueWith(t => Forget(t), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return true;
    }

    /// <summary>Stops taking and handing over; waits for the hand-overs under way. What is still queued stays unacknowledged.</summary>
    public async Task StopAsync()
    {
        Task[] running;
        lock (_sync)
        {
            _stopping.Cancel();
            running = [.. _runners];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _places.Dispose();
        _stopping.Dispose();
    }

    private void Forget(Task runner)
    {
        lock (_sync)
        {
            _runners.Remove(runner);
        }
    }

    private async Task RunAsync(DeviceLane lane)
    {
        var token = _stopping.Token;
        var delay = _options.RetryInitialDelay;
        var attempt = 1;
        try
        {
            while (!token.IsCancellationRequested)
            {
                IngestItem item;
                lock (_sync)
                {
                    if (lane.Items.Count == 0)
                    {
                        lane.Running = false;
                        _lanes.Remove(lane.Key);
                        return;
                    }

                    item = lane.Items.Peek();
                }

                if (await TryHandOverAsync(item, token).ConfigureAwait(false) is { } error)
                {
                    // Not acknowledged; this device waits, holding no place, while every other device goes on.
                    MarkFailing(lane, error);
                    LogRouteFailed(_logger, error, item.Route?.Id ?? "", item.Topic, attempt, delay);
                    await Task.Delay(delay, _realTime, token).ConfigureAwait(false);
                    delay = delay * 2 < _options.RetryMaxDelay ? delay * 2 : _options.RetryMaxDelay;
                    attempt++;
                    continue;
                }

                MarkRecovered(lane);
                delay = _options.RetryInitialDelay;
                attempt = 1;
                lock (_sync)
                {
                    lane.Items.Dequeue();
                }

                if (await _connection.AcknowledgeAsync(item.Generation, item.Acknowledge).ConfigureAwait(false))
                {
                    _metrics.Acknowledged(item.Route?.Kind);
                }
                else
                {
                    LogNotAcknowledged(_logger, item.Topic);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Nothing above throws but a bug: the lane must not go silent, so the next message starts it again.
            LogLaneFailed(_logger, ex, lane.Key);
            lock (_sync)
            {
                lane.Running = false;
            }
        }
    }

    /// <summary>One attempt, holding one place for at most the hand-over timeout. Null when the grain has it.</summary>
    private async Task<Exception?> TryHandOverAsync(IngestItem item, CancellationToken token)
    {
        await _places.WaitAsync(token).ConfigureAwait(false);
        try
        {
            var call = _processor.ProcessAsync(item, token);
            try
            {
                await call.WaitAsync(_options.HandoverTimeout, _realTime, token).ConfigureAwait(false);
                return null;
            }
            catch (TimeoutException ex) when (!call.IsCompleted)
            {
                // The call goes on; a late success makes the retry a duplicate, a late failure is only logged here.
                _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                return new TimeoutException($"no answer from the grains within {_options.HandoverTimeout}", ex);
            }
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            return ex;
        }
        finally
        {
            _places.Release();
        }
    }

    private void MarkFailing(DeviceLane lane, Exception error)
    {
        _metrics.RouteFailure();
        if (!lane.Failing)
        {
            lane.Failing = true;
            Interlocked.Increment(ref _failingLanes);
        }

        _health.SetRoutingFailed(_realTime.GetUtcNow(), error.Message);
    }

    private void MarkRecovered(DeviceLane lane)
    {
        if (lane.Failing)
        {
            lane.Failing = false;
            Interlocked.Decrement(ref _failingLanes);
        }

        // Health recovers only when no device is still waiting to retry.
        if (Volatile.Read(ref _failingLanes) == 0)
        {
            _health.SetRoutingRecovered();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not hand the message from {DeviceId} on {Topic} to its grain (attempt {Attempt}); not acknowledged, retrying in {Delay}; other devices go on")]
    private static partial void LogRouteFailed(ILogger logger, Exception exception, string deviceId, string topic, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A message on {Topic} was not acknowledged (its connection is gone); the broker delivers it again")]
    private static partial void LogNotAcknowledged(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The ingest lane {Lane} failed; its next message starts it again")]
    private static partial void LogLaneFailed(ILogger logger, Exception exception, string lane);
}
