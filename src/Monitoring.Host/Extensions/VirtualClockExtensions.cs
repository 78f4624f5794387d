using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Monitoring.Host.Options;
using Monitoring.Host.Testing;
using Orleans.Runtime;

namespace Monitoring.Host.Extensions;

public static class VirtualClockExtensions
{
    /// <summary>
    /// Testing:VirtualClock=true: the grains and ingest run on a <see cref="VirtualClock"/> (the unkeyed
    /// <see cref="TimeProvider"/>, which Orleans gives the grains and their timers), while Orleans' background
    /// areas (membership, messaging, reminders, activation collection) and cookie lifetimes stay on the system
    /// clock. Only in the Development or Test environment (refused in any other). Off: nothing is registered and /test/clock does not exist.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringVirtualClock(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<VirtualClockOptions>().BindConfiguration(VirtualClockOptions.Section);
        var options = builder.Configuration.GetSection(VirtualClockOptions.Section).Get<VirtualClockOptions>() ?? new();
        if (!options.VirtualClock)
        {
            return builder;
        }

        if (!DevelopmentOnly.IsDevelopmentOrTest(builder.Environment))
        {
            throw new StartupRefusedException(
                $"Testing:VirtualClock=true is refused in the '{builder.Environment.EnvironmentName}' environment (Production or any "
                + $"other but Development and {DevelopmentOnly.TestEnvironment}): the virtual clock is for tests only "
                + "(turn it off, or run tests with ASPNETCORE_ENVIRONMENT=Development or Test)");
        }

        if (options.MinAdvanceSeconds <= 0 || options.MaxAdvanceSeconds < options.MinAdvanceSeconds || options.SettleTimeout <= TimeSpan.Zero)
        {
            throw new StartupRefusedException(
                "Testing: MinAdvanceSeconds must be positive, MaxAdvanceSeconds at least MinAdvanceSeconds and SettleTimeout positive");
        }

        var services = builder.Services;
        services.AddSingleton<VirtualClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<VirtualClock>());
        services.AddSingleton<IngestSettle>();

        // Every keyed Orleans area on real time, except the grains' own (as Orleans.TestingHost's
        // UseTimeProviderForBackgroundAreas does): an exact key wins over the catch-all.
        services.AddKeyedSingleton<TimeProvider>(KeyedService.AnyKey, (_, _) => TimeProvider.System);
        services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, (sp, _) => sp.GetRequiredService<TimeProvider>());

        // A simulated day must not expire the test's sign-in cookies.
        services.Configure<CookieAuthenticationOptions>(
            CookieAuthenticationDefaults.AuthenticationScheme,
            cookie => cookie.TimeProvider = TimeProvider.System);

        return builder;
    }

    /// <summary>Maps /test/clock when the virtual clock is on; otherwise the route stays absent (404).</summary>
    public static WebApplication MapMonitoringVirtualClock(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<VirtualClockOptions>>().Value.VirtualClock)
        {
            return app;
        }

        app.MapVirtualClockEndpoints();
        var clock = app.Services.GetRequiredService<VirtualClock>();
        app.Services.GetRequiredService<ILogger<VirtualClock>>().VirtualClockOn(clock.GetUtcNow());
        return app;
    }
}
