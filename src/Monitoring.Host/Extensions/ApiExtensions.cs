using Monitoring.Application;
using Monitoring.Application.Ports;
using Monitoring.Contracts;
using Monitoring.Host.Alerts;
using Monitoring.Host.Endpoints;
using Monitoring.Host.Options;
using Monitoring.Host.Ports;

namespace Monitoring.Host.Extensions;

public static class ApiExtensions
{
    /// <summary>REST's services: JSON (web defaults: camelCase; enums as the contract spells them), problem answers, the alert reads; and the use cases every door calls.</summary>
    public static WebApplicationBuilder AddMonitoringApi(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(ApiLimitsOptions.Section).Get<ApiLimitsOptions>() ?? new();
        if (limits.MaxRequestBodyBytes <= 0)
        {
            throw new StartupRefusedException("Api:MaxRequestBodyBytes must be positive");
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(json => WireEnumJsonConverter.AddTo(json.SerializerOptions));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemReasons.Customize);
        builder.Services.AddExceptionHandler<StoreUnavailableExceptionHandler>();
        builder.Services.AddSingleton<JsonBody>();
        builder.Services.AddSingleton<AlertDesk>();
        builder.Services.AddSingleton<IStoreFailures, RedisStoreFailures>();
        builder.Services.AddSingleton<IObservationParser, IngestObservationParser>();
        builder.Services.AddApplication();
        return builder;
    }

    public static WebApplication UseMonitoringErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
