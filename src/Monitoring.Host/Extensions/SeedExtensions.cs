using Monitoring.Grains.Configuration;
using Monitoring.Host.Auth;
using Monitoring.Host.Options;
using Monitoring.Host.Seeds;

namespace Monitoring.Host.Extensions;

public static class SeedExtensions
{
    /// <summary>
    /// Reads the seeds folder now (a bad file stops start-up with its message) and registers the protocol
    /// parameters, the <see cref="WardRegistry"/> and the users who may sign in.
    /// </summary>
    public static WebApplicationBuilder AddMonitoringSeeds(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);

        var seedOptions = builder.Configuration.GetSection(SeedOptions.Section).Get<SeedOptions>() ?? new();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();

        // Demo users have published passwords: only in embedded development mode, whatever Auth:DemoUsers says.
        var embeddedDevelopment = DevelopmentOnly.IsEmbeddedDevelopment(builder.Environment, storage);
        if (auth.DemoUsers == true && !embeddedDevelopment)
        {
            throw new StartupRefusedException(
                $"Auth:DemoUsers=true is refused outside embedded development mode (memory storage in the Development "
                + $"or {DevelopmentOnly.TestEnvironment} environment; here '{builder.Environment.EnvironmentName}'): the demo passwords are published. "
                + "Configure users with Auth:Users");
        }

        var seeds = SeedLoader.Load(seedOptions.ResolvePath(), auth.DemoUsers ?? embeddedDevelopment);
        UserDirectory users;
        try
        {
            users = new UserDirectory([.. seeds.DemoUsers, .. auth.Users]);
        }
        catch (InvalidOperationException ex)
        {
            throw new SeedFileException($"users (seeds/{SeedLoader.UsersFile} and Auth:Users): {ex.Message}", ex);
        }

        builder.Services.AddSingleton(seeds);
        builder.Services.AddSingleton(seeds.Protocol);
        var registry = new WardRegistry(seeds.Protocol, seeds.Wards);
        var access = new WardAccess(users, registry);
        try
        {
            access.CheckConfiguredUsers();
        }
        catch (InvalidOperationException ex)
        {
            throw new SeedFileException($"users (seeds/{SeedLoader.UsersFile} and Auth:Users): {ex.Message}", ex);
        }

        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(users);
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton<Monitoring.Application.Ports.IWardAccess>(access);
        return builder;
    }
}
