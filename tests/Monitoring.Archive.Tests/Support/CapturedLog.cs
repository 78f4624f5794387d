using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Monitoring.Archive.Tests.Support;

/// <summary>Keeps every log event (id and rendered message) for assertions.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturedLogger(this);

    public int Count(int eventId) => Events.Count(e => e.EventId == eventId);

    public void Dispose()
    {
    }
}
