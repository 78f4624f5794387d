using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Ingest.Configuration;
using Monitoring.Ingest.Publishing;

namespace Monitoring.Ingest.Pipeline;

/// <summary>
/// Reports messages refused for their device's rate: monitoring/rejected (itself rate-limited per device), the refused
/// counter, and once per flood window DEVICE_DATA_INVALID on the device's bed. The receive loop only queues here (it
/// must not wait for a publish whose PUBACK it would itself have to read); a full queue drops the report, counted.
/// </summary>
public sealed partial class RateRefusalReporter(
    IMessageRouter router,
    RejectedPublisher rejected,
    IngestMetrics metrics,
    IOptions<IngestOptions> options,
    ILogger<RateRefusalReporter> logger)
{
    private const int QueueCapacity = 4096;

    private readonly Channel<RateRefusal> _queue = Channel.CreateBounded<RateRefusal>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    public string Reason { get; } = $"rate: more than {options.Value.FloodBurstPerDevice} messages at once or "
        + $"{options.Value.FloodMessagesPerSecondPerDevice} a second from this sender; not applied";

    /// <summary>Counts the refusal and queues its report; never blocks.</summary>
    public void Report(RateRefusal refusal)
    {
        metrics.Refused("rate");
        if (!_queue.Writer.TryWrite(refusal))
        {
            metrics.RejectedSuppressed();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var refusal in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (refusal.TellBed && refusal.Route is { IsDevice: true } route)
                {
                    try
                    {
                        await router.RefusedAsync(route.Id, Reason, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        LogBedNotTold(logger, ex, route.Id);
                    }
                }

                await rejected.PublishAsync(refusal.Topic, refusal.Key, Reason, refusal.ReceivedAt, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the bed of device {DeviceId} that it is flooding")]
    private static partial void LogBedNotTold(ILogger logger, Exception exception, string deviceId);
}
