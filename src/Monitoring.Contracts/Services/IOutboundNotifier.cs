using Monitoring.Contracts.Views;

namespace Monitoring.Contracts.Services;

/// <summary>
/// The outbound route for alarms nobody may miss: escalations and WARD_UNWATCHED go to
/// monitoring/escalations and to the configured webhook (a pager or phone gateway).
/// </summary>
public interface IOutboundNotifier
{
    Task NotifyAsync(AlertView alert, CancellationToken cancellationToken = default);
}
