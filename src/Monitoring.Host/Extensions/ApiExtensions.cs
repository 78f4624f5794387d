using Monitoring.Host.Alerts;
using Monitoring.Host.Endpoints;
using Monitoring.Host.Options;

namespace Monitoring.Host.Extensions;

public static class ApiExtensions
{
    /// <summary>REST's services: JSON (web defaults: camelCase), problem answers, the shared alert desk.</summary>
    public static WebApplicationBuilder AddMonitoringApi(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(ApiLimitsOptions.Section).Get<ApiLimitsOptions>() ?? new();
        if (limits.MaxRequestBodyBytes <= 0)
        {
            throw new StartupRefusedException("Api:MaxRequestBodyBytes must be positive");
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
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
