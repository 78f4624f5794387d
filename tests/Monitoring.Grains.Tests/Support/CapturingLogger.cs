using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Monitoring.Grains.Tests.Support;

/// <summary>Writes warnings and errors of one category to the shared queue.</summary>
public sealed class CapturingLogger(string category, ConcurrentQueue<string> entries) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
