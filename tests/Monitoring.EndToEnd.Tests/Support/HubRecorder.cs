using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>Records a hub connection's alert events (with the time each arrived) so a test can wait for one.</summary>
public sealed class HubRecorder : IDisposable
{
    public static readonly string[] AlertEvents = ["alertRaised", "alertChanged", "alertEscalated"];

    private readonly ConcurrentQueue<(string Event, JsonElement Alert, long At)> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly List<IDisposable> _handlers = [];

    public HubRecorder(HubConnection hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        foreach (var name in AlertEvents)
        {
            _handlers.Add(hub.On<JsonElement>(name, alert =>
            {
                _events.Enqueue((name, alert, Stopwatch.GetTimestamp()));
                try
                {
                    _arrived.Release();
                }
                catch (ObjectDisposedException)
                {
                    // An event still in flight after the test let go of the recorder.
                }
            }));
        }
    }

    /// <summary>Waits for an event <paramref name="name"/> whose alert <paramref name="accept"/> takes; answers it and its arrival timestamp.</summary>
    public async Task<(JsonElement Alert, long At)> WaitFor(string name, Func<JsonElement, bool> accept, string what)
    {
        var deadline = DateTime.UtcNow + HostFixture.Generous;
        while (true)
        {
            foreach (var (e, alert, at) in _events)
            {
                if (e == name && accept(alert))
                {
                    return (alert, at);
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"{what}: no {name} within {HostFixture.Generous.TotalSeconds} s");
            }
        }
    }

    public void Dispose()
    {
        foreach (var handler in _handlers)
        {
            handler.Dispose();
        }

        _arrived.Dispose();
    }
}
