namespace Monitoring.Dashboard.Services;

/// <summary>
/// Whether pump and monitor data is reaching this host (and so this screen). The host adapts its MQTT ingest to
/// it; the dashboard shows a banner on every page while the feed is not live.
/// </summary>
public interface IDeviceFeedStatus
{
    /// <summary>The feed's state now.</summary>
    DeviceFeedState Current { get; }

    /// <summary>
    /// Raised after <see cref="Current"/> changed, on any thread; a handler reads <see cref="Current"/> again and
    /// must not block.
    /// </summary>
    event Action? Changed;
}
