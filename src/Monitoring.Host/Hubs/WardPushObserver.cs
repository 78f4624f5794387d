using Microsoft.AspNetCore.SignalR;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;
using Monitoring.Host.Feed;
using Monitoring.Host.Operations;

namespace Monitoring.Host.Hubs;

/// <summary>
/// This silo's push observer (one per host, registered with <see cref="IHubListGrain"/> by
/// <see cref="HubListUpdater"/>): sends each push to the ward's SignalR group (escalations to the
/// charge-nurse channel) and publishes it on the in-process <see cref="WardFeed"/>. An alert push handed to
/// SignalR closes its publish-to-alert latency (<see cref="PushLatencyMetrics"/>).
/// </summary>
public sealed class WardPushObserver(IHubContext<WardHub> hub, WardFeed feed, PushLatencyMetrics latency, ILogger<WardPushObserver> logger) : IWardPushObserver
{
    public async Task Deliver(IReadOnlyList<WardPush> batch)
    {
        foreach (var push in batch)
        {
            try
            {
                await Send(push);
                latency.Sent(push);
            }
            catch (Exception ex)
            {
                logger.PushSendFailed(ex, push.Kind, push.WardId);
            }

            feed.Publish(push);
        }
    }

    private Task Send(WardPush push) => push.Kind switch
    {
        WardPushKind.PatientUpdated when push.Snapshot is not null =>
            hub.Clients.Group(WardGroups.Ward(push.WardId)).SendAsync(WardHubEvents.PatientUpdated, push.Snapshot),
        WardPushKind.AlertRaised when push.Alert is not null =>
            hub.Clients.Group(WardGroups.Ward(push.WardId)).SendAsync(WardHubEvents.AlertRaised, push.Alert),
        WardPushKind.AlertChanged when push.Alert is not null =>
            hub.Clients.Group(WardGroups.Ward(push.WardId)).SendAsync(WardHubEvents.AlertChanged, push.Alert),
        WardPushKind.AlertEscalated when push.Alert is not null =>
            hub.Clients.Group(WardGroups.Charge(push.WardId)).SendAsync(WardHubEvents.AlertEscalated, push.Alert),
        _ => LogEmpty(push),
    };

    private Task LogEmpty(WardPush push)
    {
        logger.PushEmpty(push.Kind, push.WardId);
        return Task.CompletedTask;
    }
}
