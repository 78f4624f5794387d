using Monitoring.Host.Options;
using Serilog;
using Serilog.Events;

namespace Monitoring.Host.Extensions;

public static class LoggingExtensions
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SiloName} {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>
    /// Serilog to the console, structured (every property kept), each event enriched with the silo's name.
    /// The "Serilog" section can change levels and sinks (Serilog.Settings.Configuration).
    /// </summary>
    public static WebApplicationBuilder AddMonitoringLogging(this WebApplicationBuilder builder)
    {
        var siloName = (builder.Configuration.GetSection(SiloHostOptions.Section).Get<SiloHostOptions>() ?? new()).ResolveSiloName();
        var configureConsole = !builder.Configuration.GetSection("Serilog:WriteTo").Exists();

        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("SiloName", siloName);
            if (configureConsole)
            {
                logger.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        return builder;
    }
}
