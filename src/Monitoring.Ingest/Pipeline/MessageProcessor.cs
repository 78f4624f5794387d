using Microsoft.Extensions.Logging;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Services;
using Monitoring.Ingest.Parsing;
using Monitoring.Ingest.Publishing;
using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Pipeline;

/// <summary>
/// One message's way: parse, route, and for a refusal tell the device grain (DEVICE_DATA_INVALID) and publish it.
/// Throws when a grain cannot be reached: the caller must not acknowledge, and tries again. Nothing is published
/// or counted before the grain has answered, so a retry repeats nothing.
/// </summary>
public sealed partial class MessageProcessor(
    PayloadParser parser,
    IMessageRouter router,
    RejectedPublisher rejected,
    IngestMetrics metrics,
    HostInstance host,
    ILogger<MessageProcessor> logger)
{
    public async Task ProcessAsync(IngestItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);

        // Travels with every grain call this message makes (Orleans' RequestContext), to the alert pushes it causes.
        // Set inside this async method, it is gone again when the method returns: the next item starts clean.
        RequestContext.Set(IngestOrigin.RequestContextKey, new IngestOrigin(host.Id, item.ReceivedTimestamp));
        if (item.Retained)
        {
            // Not the device's word now but a copy the broker keeps: an old hallucination would pause an infusion again.
            await RefuseAsync(item, item.Route, Refusal.Retained, tellDevice: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (item.Route is not { } route)
        {
            await RefuseAsync(item, null, Refusal.UnknownTopic, tellDevice: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (parser.Parse(route, item.Payload, item.ReceivedAt))
        {
            case ParsedDeviceMessage device:
                var outcome = await router.RouteAsync(device.Message, cancellationToken).ConfigureAwait(false);
                await CountAsync(item, route, outcome, Refusal.UnknownDevice, cancellationToken).ConfigureAwait(false);
                break;

            case ParsedObservation observation:
                var recorded = await router.RecordObservationAsync(observation.Message, cancellationToken).ConfigureAwait(false);
                await CountAsync(item, route, recorded, Refusal.UnknownPatient, cancellationToken).ConfigureAwait(false);
                break;

            case Refusal refusal:
                await RefuseAsync(item, route, refusal, tellDevice: route.IsDevice, cancellationToken).ConfigureAwait(false);
                break;

            default:
                throw new InvalidOperationException("the parser returned an unknown result");
        }
    }

    private async Task CountAsync(IngestItem item, TopicRoute route, ApplyOutcome outcome, Refusal unknown, CancellationToken cancellationToken)
    {
        if (outcome is ApplyOutcome.UnknownDevice or ApplyOutcome.UnknownPatient)
        {
            // In no ward's inventory and associated with nobody, or a patient never admitted: there is no bed to tell.
            await RefuseAsync(item, route, unknown, tellDevice: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (outcome is ApplyOutcome.SeqJumpRefused or ApplyOutcome.AppliedAfterSeqReset)
        {
            // The grain has already raised DEVICE_DATA_INVALID on the bed; the wire still hears why.
            metrics.Outcome(outcome == ApplyOutcome.SeqJumpRefused ? outcome : ApplyOutcome.Applied, route.Kind);
            var refusal = outcome == ApplyOutcome.SeqJumpRefused ? Refusal.SeqJump : Refusal.SeqReset;
            await RefuseAsync(item, route, refusal, tellDevice: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        metrics.Outcome(outcome, route.Kind);
    }

    private async Task RefuseAsync(IngestItem item, TopicRoute? route, Refusal refusal, bool tellDevice, CancellationToken cancellationToken)
    {
        if (tellDevice)
        {
            await router.RefusedAsync(route!.Id, refusal.Reason, cancellationToken).ConfigureAwait(false);
        }

        // A refused charted observation is in nobody's record: its ward is alerted (OBSERVATION_REFUSED).
        if (route is { Kind: TopicKind.Observations })
        {
            await router.ObservationRefusedAsync(route.Id, refusal.Reason, cancellationToken).ConfigureAwait(false);
        }

        metrics.Refused(refusal.Field);
        var key = route?.OrderingKey ?? "unknown-topic";
        var published = await rejected.PublishAsync(item.Topic, key, refusal.Reason, item.ReceivedAt, cancellationToken).ConfigureAwait(false);

        // Logged as often as published: a device sending garbage at speed must not flood the log either.
        var level = published ? LogLevel.Warning : LogLevel.Debug;
        if (route is { IsDevice: true })
        {
            LogRefusedFromDevice(logger, level, route.Id, item.Topic, refusal.Reason);
        }
        else
        {
            LogRefused(logger, level, item.Topic, refusal.Reason);
        }
    }

    [LoggerMessage(Message = "Refused a message from device {DeviceId} on {Topic}: {Reason}")]
    private static partial void LogRefusedFromDevice(ILogger logger, LogLevel level, string deviceId, string topic, string reason);

    [LoggerMessage(Message = "Refused a message on {Topic}: {Reason}")]
    private static partial void LogRefused(ILogger logger, LogLevel level, string topic, string reason);
}
