using Monitoring.Host.Auth;
using Monitoring.Host.Endpoints;
using Monitoring.Host.Extensions;
using Monitoring.Host.Options;

if (PasswordHashCommand.TryRun(args, Console.In, Console.Out))
{
    return 0;
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddMonitoringLogging();
    builder.AddMonitoringSeeds();
    builder.AddMonitoringVirtualClock();
    builder.AddMonitoringSilo();
    builder.AddMonitoringPipeline();
    builder.AddMonitoringProduction();
    builder.AddMonitoringAuth();
    builder.AddMonitoringApi();
    builder.AddMonitoringRealtime();
    builder.AddMonitoringHealth();
    builder.AddMonitoringMetrics();
    builder.AddMonitoringOrleansDashboard();
    builder.AddMonitoringDashboard();

    var app = builder.Build();
    app.UseMonitoringSecurityHeaders();
    app.UseMonitoringErrors();
    app.UseMonitoringAuth();
    app.MapMonitoringHealth();
    app.MapMonitoringMetrics();
    app.MapMonitoringOrleansDashboard();
    app.MapMonitoringApi();
    app.MapMonitoringVirtualClock();
    app.MapMonitoringHub();
    app.MapMonitoringDashboard();
    app.LogStartupFacts();
    app.Run();
    return 0;
}
catch (StartupRefusedException ex)
{
    await Console.Error.WriteLineAsync($"Start-up refused: {ex.Message}");
    return 1;
}
