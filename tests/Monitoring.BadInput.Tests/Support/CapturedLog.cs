using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// Every Warning-and-above event the host under test logs (Serilog sink "BadInputCapture", configured through the
/// host's own Serilog section). One host runs at a time in this project.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public static CapturedLog Instance { get; } = new();

    /// <summary>The host settings that send its log here.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Serilog:Using:0"] = typeof(CapturedLog).Assembly.GetName().Name,
        ["Serilog:WriteTo:0"] = nameof(CapturedLogSinkExtensions.BadInputCapture),
    };

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Error and Fatal events, rendered with their exception, for an assertion message.</summary>
    public IReadOnlyList<string> Errors() =>
        [.. _events.Where(e => e.Level >= LogEventLevel.Error).Select(e => $"{e.Level} {e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {e.Exception}")];

    public IReadOnlyList<LogEvent> Events() => [.. _events];

    public void AssertNoErrors()
    {
        var errors = Errors();
        Assert.True(errors.Count == 0, $"the host logged {errors.Count} Error/Fatal events; the first: {(errors.Count > 0 ? errors[0] : "")}");
    }
}
