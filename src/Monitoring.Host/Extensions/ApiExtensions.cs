using Monitoring.Host.Alerts;
using Monitoring.Host.Endpoints;

namespace Monitoring.Host.Extensions;

public static class ApiExtensions
{
    /// <summary>REST's services: JSON (web defaults: camelCase), problem answers, the shared alert desk.</summary>
    public static WebApplicationBuilder AddMonitoringApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemReasons.Customize);
        builder.Services.AddExceptionHandler<StoreUnavailableExceptionHandler>();
        builder.Services.AddSingleton<JsonBody>();
        builder.Services.AddSingleton<AlertDesk>();
        builder.Services.AddSingleton<RestObservations>();
        return builder;
    }

    public static WebApplication UseMonitoringErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
