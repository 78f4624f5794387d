using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitoring.Archive;

/// <summary>
/// The background writer: takes batches from the <see cref="ArchiveBuffer"/> (events first), writes each with one
/// request, and while the server fails keeps the batch in hand and retries it with exponential backoff
/// (Archive:RetryInitialDelay doubling up to Archive:RetryMaxDelay, with jitter); meanwhile the buffer keeps
/// taking points and drops its oldest when full. When the server answers again it writes back to back until
/// it has caught up. Nothing here runs on the caller's thread. At shutdown it writes what is buffered for up to
/// Archive:ShutdownFlushTimeout (not at all while the server is failing) and counts the rest as dropped.
/// </summary>
public sealed class ArchiveWriter(
    ArchiveBuffer buffer,
    IArchiveClient client,
    ArchiveHealth health,
    ArchiveMetrics metrics,
    ArchiveDropReporter drops,
    IOptions<ArchiveOptions> options,
    TimeProvider time,
    ILogger<ArchiveWriter> logger) : BackgroundService
{
    private readonly List<ArchivePoint> _batch = [];

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        buffer.Complete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        var o = options.Value;
        if (ExecuteTask is { IsCompleted: true } && health.Current.FailingSince is null && o.ShutdownFlushTimeout > TimeSpan.Zero)
        {
            using var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            flush.CancelAfter(o.ShutdownFlushTimeout);
            try
            {
                while (true)
                {
                    if (_batch.Count == 0 && buffer.Drain(_batch, o.BatchSize) == 0)
                    {
                        break;
                    }

                    if (!await WriteBatchAsync(o, flush.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Out of time: what is left is counted below.
            }
        }

        // When the stop token ran out before the loop ended, the loop still owns its batch: counting it here would read
        // a list it may be changing. What is left in the buffer is drained into a list of this method's own.
        var left = 0;
        if (ExecuteTask is null or { IsCompleted: true })
        {
            left = _batch.Count;
            drops.Record(ArchiveDropReason.Shutdown, _batch);
            _batch.Clear();
        }

        var rest = new List<ArchivePoint>();
        while (buffer.Drain(rest, o.BatchSize) > 0)
        {
            left += rest.Count;
            drops.Record(ArchiveDropReason.Shutdown, rest);
            rest.Clear();
        }

        drops.ReportIfDue(force: true);
        logger.ArchiveStopped(metrics.TotalWritten, metrics.TotalDropped, left);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        logger.ArchiveStarted(o.Url, o.Org, o.Bucket, buffer.ReadingCapacity, buffer.EventCapacity, o.BatchSize);
        var delay = o.RetryInitialDelay;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (_batch.Count == 0)
                {
                    await buffer.WaitAsync(stoppingToken).ConfigureAwait(false);
                    if (buffer.Count < o.BatchSize && o.FlushInterval > TimeSpan.Zero)
                    {
                        await Task.Delay(o.FlushInterval, time, stoppingToken).ConfigureAwait(false);
                    }

                    if (buffer.Drain(_batch, o.BatchSize) == 0)
                    {
                        continue;
                    }
                }

                if (await WriteBatchAsync(o, stoppingToken).ConfigureAwait(false))
                {
                    delay = o.RetryInitialDelay;
                }
                else
                {
                    logger.ArchiveWriteStillFailing(health.Current.ConsecutiveFailures, delay, health.Current.LastError ?? "");
                    await PauseAsync(delay, o, stoppingToken).ConfigureAwait(false);
                    delay = NextDelay(delay, o);
                }

                drops.ReportIfDue();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes or counts what is left.
        }
    }

    /// <summary>True when the batch is done with (written, or refused for good); false when it must be retried.</summary>
    private async Task<bool> WriteBatchAsync(ArchiveOptions o, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.WriteTimeout);
        try
        {
            await client.WriteAsync(_batch, timeout.Token).ConfigureAwait(false);
            metrics.Written(_batch.Count);
            _batch.Clear();
            if (health.Succeeded(time.GetUtcNow()) is { } failedFor)
            {
                logger.ArchiveRecovered(failedFor, buffer.Count);
            }

            return true;
        }
        catch (ArchiveWriteRejectedException ex)
        {
            logger.ArchiveBatchRejected(_batch.Count, ex);
            drops.Record(ArchiveDropReason.Rejected, _batch);
            _batch.Clear();
            health.Succeeded(time.GetUtcNow());
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any other failure (refused connection, timeout, 5xx, 401) is retried: the writer must never stop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            metrics.WriteFailed();
            var error = Describe(ex);
            if (health.Failed(time.GetUtcNow(), error))
            {
                logger.ArchiveWriteFailing(_batch.Count, buffer.Count, error);
            }

            return false;
        }
    }

    /// <summary>Waits out a backoff in slices, so drops are still reported every Archive:DropLogInterval.</summary>
    private async Task PauseAsync(TimeSpan delay, ArchiveOptions o, CancellationToken stoppingToken)
    {
        var until = time.GetUtcNow() + delay;
        while (time.GetUtcNow() is var now && now < until)
        {
            var slice = until - now < o.DropLogInterval ? until - now : o.DropLogInterval;
            await Task.Delay(slice, time, stoppingToken).ConfigureAwait(false);
            drops.ReportIfDue();
        }
    }

    private static TimeSpan NextDelay(TimeSpan delay, ArchiveOptions o)
    {
#pragma warning disable CA5394 // Jitter, not security.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        var next = TimeSpan.FromTicks((long)(delay.Ticks * 2 * jitter));
        return next > o.RetryMaxDelay ? o.RetryMaxDelay : next;
    }

    private static string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => "timed out",
        _ when ex.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message) => $"{ex.GetType().Name}: {ex.Message} ({inner.Message})",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
