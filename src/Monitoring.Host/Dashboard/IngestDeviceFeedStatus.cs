using Monitoring.Dashboard.Services;
using Monitoring.Ingest.Pipeline;

namespace Monitoring.Host.Dashboard;

/// <summary>
/// The dashboard's device feed, read from this host's MQTT ingest (<see cref="IngestHealth"/>): lost while the
/// broker connection or subscription is down and while readings cannot be handed to the grains. Relays
/// <see cref="IngestHealth.Changed"/> to the dashboard's circuits, each handler guarded so a circuit's fault
/// never reaches the ingest thread that raised it.
/// </summary>
public sealed class IngestDeviceFeedStatus : IDeviceFeedStatus, IDisposable
{
    private readonly IngestHealth _health;
    private readonly TimeProvider _realTime;
    private readonly ILogger<IngestDeviceFeedStatus> _logger;

    /// <param name="realTime">Real time, as ingest keeps its health times (never the product's virtual clock).</param>
    public IngestDeviceFeedStatus(IngestHealth health, TimeProvider realTime, ILogger<IngestDeviceFeedStatus> logger)
    {
        _health = health;
        _realTime = realTime;
        _logger = logger;
        _health.Changed += Relay;
    }

    public event Action? Changed;

    public DeviceFeedState Current => From(_health.Current, _realTime.GetUtcNow());

    /// <summary>How the banner reads ingest's health at <paramref name="now"/>.</summary>
    public static DeviceFeedState From(IngestHealthStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (!status.Connected)
        {
            if (!status.ConnectAttempted)
            {
                return State(DeviceFeedCondition.Connecting, status.Since, now, status.LastError);
            }

            // Readings that failed to reach the grains before the connection went are lost to the screen since then.
            var since = status.RoutingFailingSince is { } failing && failing < status.Since ? failing : status.Since;
            return State(DeviceFeedCondition.Lost, since, now, "MQTT broker: " + status.LastError);
        }

        return status.RoutingFailingSince is { } routingSince
            ? State(DeviceFeedCondition.Lost, routingSince, now, "readings cannot be handed to the patients' records: " + status.RoutingError)
            : State(DeviceFeedCondition.Live, status.Since, now, null);
    }

    public void Dispose() => _health.Changed -= Relay;

    private static DeviceFeedState State(DeviceFeedCondition condition, DateTimeOffset since, DateTimeOffset now, string? detail) =>
        new(condition, since, now > since ? now - since : TimeSpan.Zero, detail);

    private void Relay()
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action>())
        {
            try
            {
                handler();
            }
            catch (Exception ex)
            {
                _logger.FeedStatusSubscriberFailed(ex);
            }
        }
    }
}
