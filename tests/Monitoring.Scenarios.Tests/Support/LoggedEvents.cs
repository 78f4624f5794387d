using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace Monitoring.Scenarios.Tests.Support;

/// <summary>
/// A Serilog sink in the host's services (the host reads sinks from them): every event the host logs, each kept as
/// all of its text: the rendered message, the template, every property (nested values rendered whole) and the
/// exception with its stack.
/// </summary>
public sealed class LoggedEvents : ILogEventSink
{
    private readonly ConcurrentQueue<(LogEventLevel Level, string Text)> _events = new();

    public int Count => _events.Count;

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var text = new List<string> { logEvent.RenderMessage(CultureInfo.InvariantCulture), logEvent.MessageTemplate.Text };
        text.AddRange(logEvent.Properties.Select(p => $"{p.Key}={p.Value.ToString(null, CultureInfo.InvariantCulture)}"));
        if (logEvent.Exception is { } exception)
        {
            text.Add(exception.ToString());
        }

        _events.Enqueue((logEvent.Level, string.Join('\n', text)));
    }

    /// <summary>The events in which any of <paramref name="needles"/> occurs (case-insensitive), with the one found.</summary>
    public IReadOnlyList<string> Containing(IEnumerable<string> needles)
    {
        var list = needles.ToList();
        return [.. _events
            .SelectMany(e => list.Where(n => e.Text.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"[{e.Level}] '{n}' in: {e.Text}"))];
    }
}
