using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Monitoring.Grains.Configuration;
using Monitoring.Host.Extensions;
using Monitoring.Host.Health;
using Monitoring.Host.Options;
using Monitoring.Ingest.Configuration;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Ward;

namespace Monitoring.Host.Simulation;

/// <summary>
/// The demo ward inside the host: once the host is ready, the simulators library admits a patient per bed through
/// the REST API over loopback (signed in as the demo charge nurse), associates the bed's pump and monitor, and
/// runs them against the broker over MQTT: exactly what an outside client would do, no shortcut into the grains.
/// On by default in embedded mode only; Simulator:Beds=0 turns it off. Never with the virtual clock (the
/// simulated devices run in real time).
/// </summary>
public sealed class DemoWardSimulator(
    IOptions<DemoWardOptions> options,
    IOptions<StorageOptions> storage,
    IOptions<MqttOptions> mqtt,
    IConfiguration configuration,
    WardRegistry wards,
    IServer server,
    HealthCheckService health,
    IHostApplicationLifetime lifetime,
    ILogger<DemoWardSimulator> logger) : BackgroundService
{
    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (WhyOff(settings) is { } reason)
        {
            logger.DemoWardOff(reason);
            return;
        }

        try
        {
            await RunAsync(settings, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception ex)
        {
            // The demo is a convenience: its failure is logged and never stops the product.
            logger.DemoWardFailed(ex, ex.Message);
        }
    }

    private string? WhyOff(DemoWardOptions settings)
    {
        if (settings.Beds <= 0 || settings.Enabled == false)
        {
            return "Simulator:Beds is 0 or Simulator:Enabled is false";
        }

        if (VirtualClockExtensions.IsOn(configuration))
        {
            return "Testing:VirtualClock is on; the simulated devices run in real time";
        }

        if (settings.Enabled is null && !(storage.Value.IsEmbedded && mqtt.Value.UsesEmbeddedBroker))
        {
            return "not in embedded mode (Simulator:Enabled=true turns it on)";
        }

        return null;
    }

    private async Task RunAsync(DemoWardOptions settings, CancellationToken stoppingToken)
    {
        var profile = WardProfileLoader.LoadFile(settings.ResolveProfilePath());
        var ward = wards.Find(profile.WardId)
            ?? throw new InvalidOperationException($"the ward profile's ward '{profile.WardId}' has no seed file");
        var beds = settings.Beds;
        if (beds > ward.Beds.Count)
        {
            logger.DemoWardTooManyBeds(beds, profile.WardId, ward.Beds.Count);
            beds = ward.Beds.Count;
        }

        logger.DemoWardStarting(beds, profile.WardId);
        if (!await WaitUntilReady(settings.ReadyTimeout, stoppingToken))
        {
            logger.DemoWardFailed(null, $"the host was not ready within {settings.ReadyTimeout}");
            return;
        }

        var broker = mqtt.Value;
        var simulation = new WardSimulation(
            new WardOptions
            {
                Beds = beds,
                Profile = profile,
                Mqtt = new MqttEndpoint
                {
                    Host = broker.UsesEmbeddedBroker ? "127.0.0.1" : broker.Host!,
                    Port = broker.Port,
                    Username = broker.UsesEmbeddedBroker ? null : broker.Username,
                    Password = broker.UsesEmbeddedBroker ? null : broker.Password,
                    UseTls = !broker.UsesEmbeddedBroker && broker.UseTls,
                    ClientIdPrefix = $"demo-ward-{Guid.NewGuid().ToString("N")[..8]}",
                },
                Connections = Math.Max(1, settings.Connections),
                HostUrl = LoopbackUrl(),
                Charge = new HostCredentials(settings.ChargeUsername, settings.ChargePassword),
                StatusEvery = settings.StatusEvery,
            },
            new LoggerTextWriter(logger));
        await simulation.RunAsync(stoppingToken);
    }

    /// <summary>After the host has started: the silo, the push path and MQTT ingest all ready.</summary>
    private async Task<bool> WaitUntilReady(TimeSpan timeout, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthTags.Ready), deadline.Token);
                if (report.Status != HealthStatus.Unhealthy)
                {
                    return true;
                }

                await Task.Delay(ReadyPoll, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Where this host listens, as a loopback address (a wildcard binding is reached on 127.0.0.1).</summary>
    private Uri LoopbackUrl()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the host listens nowhere");
        var uri = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }
}
