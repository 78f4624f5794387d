using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;
using Monitoring.Dashboard.Services;

namespace Monitoring.Dashboard.Live;

/// <summary>
/// One open view of a ward (a page in one browser tab): subscribes to the in-process push feed, keeps the
/// view's <see cref="WardModel"/>, redraws through a <see cref="RenderThrottle"/>, and counts as a watcher of
/// the ward for WARD_UNWATCHED while its browser is connected. Re-reads the whole ward after a reconnect,
/// when a push may have changed the device list, and every so often in case a push was lost.
/// </summary>
public sealed class WardLiveView(
    IWardFeed feed,
    IDashboardData data,
    IWardDirectory wards,
    CircuitConnection connection,
    IOptions<DashboardOptions> options,
    TimeProvider time,
    ILogger<WardLiveView> logger) : IAsyncDisposable
{
    private readonly string _watcherId = $"dashboard:{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _reload = new(1, 1);
    private IDisposable? _subscription;
    private IDisposable? _connectionListener;
    private ITimer? _heartbeat;
    private RenderThrottle? _throttle;
    private long _pushes;
    private bool _watching;
    private bool _disposed;

    public WardModel Model { get; private set; } = new("");

    public string WatcherId => _watcherId;

    /// <summary>Pushes received for this view's ward.</summary>
    public long Pushes => Interlocked.Read(ref _pushes);

    /// <summary>Redraws this view made (at most a few a second, whatever the push rate).</summary>
    public long Renders => _throttle?.Renders ?? 0;

    /// <summary>Starts the view: subscribes first (nothing is missed), then reads the ward and starts watching.</summary>
    public async Task StartAsync(string wardId, string actor, Func<Task> render)
    {
        ArgumentException.ThrowIfNullOrEmpty(wardId);
        Model = new WardModel(wardId);
        _throttle = new RenderThrottle(options.Value.MinRenderInterval, render, time);
        _subscription = feed.Subscribe(wardId, OnPush);
        _connectionListener = connection.Listen(OnConnectionChanged);
        await ReloadAsync();
        await JoinAsync();
        logger.ViewOpened(_watcherId, actor, wardId);

        // Watchers live in the ward grain's memory: say so again well within WARD_UNWATCHED's delay, and
        // re-read the ward now and then in case a push was lost.
        var period = wards.ParametersFor(wardId).Comms.WardUnwatchedAfter / 4;
        _heartbeat = time.CreateTimer(_ => _ = HeartbeatAsync(), null, period, period);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _heartbeat?.Dispose();
        _subscription?.Dispose();
        _connectionListener?.Dispose();
        _throttle?.Dispose();
        if (_watching)
        {
            await LeaveAsync();
        }

        if (Model.WardId.Length > 0)
        {
            logger.ViewClosed(_watcherId, Model.WardId);
        }
    }

    private Task OnPush(WardPush push)
    {
        Interlocked.Increment(ref _pushes);
        if (Model.Apply(push))
        {
            _throttle?.Request();
        }

        if (Model.DevicesMayHaveChanged)
        {
            // Not awaited: the feed hands this view its next push meanwhile.
            _ = ReloadAsync();
        }

        return Task.CompletedTask;
    }

    private async Task OnConnectionChanged(bool connected)
    {
        if (_disposed)
        {
            return;
        }

        if (!connected)
        {
            // A browser that cannot see the ward is not watching it.
            await LeaveAsync();
            return;
        }

        await JoinAsync();
        await ReloadAsync();
        logger.Resynchronised(_watcherId, Model.WardId);
    }

    private async Task HeartbeatAsync()
    {
        if (_disposed || !connection.Connected)
        {
            return;
        }

        await JoinAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (_disposed || !await _reload.WaitAsync(0))
        {
            return;
        }

        try
        {
            Model.Load(await data.GetWard(Model.WardId));
            _throttle?.Request();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.WardReadFailed(ex, _watcherId, Model.WardId);
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task JoinAsync()
    {
        try
        {
            await data.WatcherJoined(Model.WardId, _watcherId);
            _watching = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.WatcherCallFailed(ex, _watcherId, Model.WardId, "joined");
        }
    }

    private async Task LeaveAsync()
    {
        try
        {
            _watching = false;
            await data.WatcherLeft(Model.WardId, _watcherId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.WatcherCallFailed(ex, _watcherId, Model.WardId, "left");
        }
    }
}
