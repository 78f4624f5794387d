using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Monitoring.Host.Options;
using Monitoring.Host.Testing;
using Monitoring.VirtualTime;

namespace Monitoring.Host.Extensions;

public static class VirtualClockExtensions
{
    // The switch, read as a plain value: the VirtualTime assembly is loaded only once it is on (the constants are
    // compiled in; every use of its types sits in a method of its own that runs only then).
    private const string Switch = VirtualClockOptions.Section + ":" + nameof(VirtualClockOptions.VirtualClock);

    /// <summary>
    /// Testing:VirtualClock=true: the grains and ingest run on a <see cref="VirtualClock"/> (the unkeyed
    /// <see cref="TimeProvider"/>, which Orleans gives the grains and their timers), while Orleans' background
    /// areas (membership, messaging, reminders, activation collection) and cookie lifetimes stay on the system
    /// clock. Only in the Development or Test environment (refused in any other). Off: nothing is registered,
    /// Monitoring.VirtualTime is never loaded and /test/clock does not exist.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringVirtualClock(this WebApplicationBuilder builder)
    {
        if (!IsOn(builder.Configuration))
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

        AddVirtualClock(builder);
        return builder;
    }

    /// <summary>Maps /test/clock when the virtual clock is on; otherwise the route stays absent (404).</summary>
    public static WebApplication MapMonitoringVirtualClock(this WebApplication app)
    {
        if (IsOn(app.Configuration))
        {
            MapVirtualClock(app);
        }

        return app;
    }

    /// <summary>Whether Testing:VirtualClock is on, read without loading the VirtualTime assembly.</summary>
    public static bool IsOn(IConfiguration configuration) => configuration.GetValue<bool>(Switch);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddVirtualClock(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<VirtualClockOptions>().BindConfiguration(VirtualClockOptions.Section);
        var options = builder.Configuration.GetSection(VirtualClockOptions.Section).Get<VirtualClockOptions>() ?? new();
        if (options.MinAdvanceSeconds <= 0 || options.MaxAdvanceSeconds < options.MinAdvanceSeconds || options.SettleTimeout <= TimeSpan.Zero)
        {
            throw new StartupRefusedException(
                "Testing: MinAdvanceSeconds must be positive, MaxAdvanceSeconds at least MinAdvanceSeconds and SettleTimeout positive");
        }

        services.AddSingleton(sp => new VirtualClock(
            sp.GetRequiredService<IOptions<VirtualClockOptions>>(),
            sp.GetRequiredService<ILogger<VirtualClock>>(),
            state => state is IGrainTimer));
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
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapVirtualClock(WebApplication app)
    {
        app.MapVirtualClockEndpoints();
        var clock = app.Services.GetRequiredService<VirtualClock>();
        app.Services.GetRequiredService<ILogger<VirtualClock>>().VirtualClockOn(clock.GetUtcNow());
    }
}
