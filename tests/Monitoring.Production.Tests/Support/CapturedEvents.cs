using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Monitoring.Production.Tests.Support;

/// <summary>A Serilog sink in the host's services (Serilog reads sinks from them): every event the host logs.</summary>
public sealed class CapturedEvents : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The events logged at Error or above.</summary>
    public IReadOnlyList<LogEvent> Errors() => [.. _events.Where(e => e.Level >= LogEventLevel.Error)];

    /// <summary>The event ids logged (LoggerMessage's EventId.Id).</summary>
    public IReadOnlyList<int> EventIds() =>
        [.. _events.Select(e => e.Properties.TryGetValue("EventId", out var id) && id is StructureValue s
                && s.Properties.FirstOrDefault(p => p.Name == "Id")?.Value is ScalarValue { Value: int value } ? value : -1)
            .Where(id => id >= 0)];
}
