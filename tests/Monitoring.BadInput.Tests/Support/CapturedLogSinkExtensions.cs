using Serilog;
using Serilog.Configuration;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>The sink as Serilog.Settings.Configuration finds it: "Serilog:WriteTo:0:Name" = "BadInputCapture".</summary>
public static class CapturedLogSinkExtensions
{
    public static LoggerConfiguration BadInputCapture(this LoggerSinkConfiguration sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        return sinks.Sink(CapturedLog.Instance);
    }
}
