using Microsoft.Extensions.Logging;

namespace Monitoring.Archive.Tests.Support;

/// <summary>The logger of <see cref="CapturedLog"/>: every event into its queue.</summary>
internal sealed class CapturedLogger(CapturedLog log) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        log.Events.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
}
