using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>A Serilog sink in the host's services (the host reads sinks from them): every event the host logs.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The scalar value of property <paramref name="name"/> as text, or null.</summary>
    public static string? Property(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } scalar } ? scalar.ToString() : null;
}
