using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging;
using Monitoring.Dashboard.Services;

namespace Monitoring.Dashboard.Live;

/// <summary>
/// This circuit's link to its browser (scoped: one per circuit). Views listen: while the browser is gone the
/// view is not watching (WatcherLeft), and when it comes back the view re-reads its ward (resynchronises).
/// </summary>
public sealed class CircuitConnection(ILogger<CircuitConnection> logger) : CircuitHandler
{
    private readonly Lock _gate = new();
    private readonly List<Func<bool, Task>> _listeners = [];

    public bool Connected { get; private set; } = true;

    public IDisposable Listen(Func<bool, Task> onChange)
    {
        lock (_gate)
        {
            _listeners.Add(onChange);
        }

        return new DisposableAction(() => Remove(onChange));
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        logger.CircuitUp(circuit.Id);
        return Notify(true);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        logger.CircuitDown(circuit.Id);
        return Notify(false);
    }

    private async Task Notify(bool connected)
    {
        // The first "up" is the circuit starting: only a change after that is news.
        var changed = Connected != connected;
        Connected = connected;
        if (!changed)
        {
            return;
        }

        Func<bool, Task>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        foreach (var listener in listeners)
        {
            await listener(connected);
        }
    }

    private void Remove(Func<bool, Task> onChange)
    {
        lock (_gate)
        {
            _listeners.Remove(onChange);
        }
    }
}
