using Microsoft.Extensions.Options;
using Monitoring.Contracts.Services;
using Monitoring.Grains.Configuration;
using Monitoring.Host.Auth;
using Monitoring.Host.Options;
using Monitoring.Host.Seeds;

namespace Monitoring.Host.Extensions;

public static class StartupLogExtensions
{
    /// <summary>Says at start what was loaded and, loudly, what is not durable.</summary>
    public static WebApplication LogStartupFacts(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Monitoring.Host");
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var seeds = app.Services.GetRequiredService<SeedSet>();
        var wards = app.Services.GetRequiredService<WardRegistry>();

        logger.SeedsLoaded(seeds.Folder, wards.Wards.Count, seeds.DemoUsers.Count);
        foreach (var ward in wards.Wards)
        {
            logger.WardLoaded(ward.WardId, ward.Beds.Count, ward.Devices.Count, ward.EnforcingMode ? "enforcing" : "advisory");
        }

        if (app.Services.GetRequiredService<UserDirectory>().Count == 0)
        {
            logger.NoUsers();
        }

        if (storage.IsEmbedded)
        {
            logger.StorageNotDurable(storage.Provider.ToString());
        }

        var silo = app.Services.GetRequiredService<IOptions<SiloHostOptions>>().Value;
        if (!storage.IsEmbedded && !silo.Tls.Enabled)
        {
            logger.ClusterTrafficInTheClear(silo.SiloPort, silo.GatewayPort);
        }

        if (app.Services.GetService<IAuditTrail>() is not { IsDurable: true })
        {
            logger.AuditNotDurable();
        }

        return app;
    }
}
