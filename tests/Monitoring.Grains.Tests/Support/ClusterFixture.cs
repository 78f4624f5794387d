using Monitoring.Contracts.Grains;
using Orleans.TestingHost;

namespace Monitoring.Grains.Tests.Support;

/// <summary>
/// Two in-process silos shared by every test of the collection (tests use their own patient, device and ward
/// ids); calls between them go through serialization. Each silo registers its own push observer, as the host does.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        PushRecorder.RecordingSilo = Cluster.Primary!.SiloAddress;
        await WaitForBothPushObservers();
    }

    /// <summary>
    /// Both silos' observers registered. Startup is not what these tests are about, so this waits longer than
    /// <see cref="Polling.Generous"/> on a loaded machine, and says what it saw if the wait still runs out.
    /// </summary>
    private async Task WaitForBothPushObservers()
    {
        var hubs = Cluster.Client.GetGrain<IHubListGrain>(0);
        try
        {
            await Polling.Until(
                async () =>
                {
                    try
                    {
                        var count = (await hubs.GetObservers().AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Count;
                        return (Count: count, Seen: $"{count} observer(s)");
                    }
                    catch (TimeoutException ex)
                    {
                        return (Count: 0, Seen: ex.Message);
                    }
                },
                answer => answer.Count == 2,
                "both silos' push observers",
                TimeSpan.FromSeconds(60),
                answer => answer.Seen);
        }
        catch (TimeoutException ex)
        {
            var hosts = await Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts();
            Assert.Fail($"{ex.Message}; silos {string.Join(", ", hosts.Select(h => $"{h.Key}={h.Value}"))}; registrations {PushObserverRegistrar.Describe()}");
        }
    }

    public async Task DisposeAsync()
    {
        // Deactivate while the memory storage still runs, so shutdown has no state left to write.
        await Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Cluster.DisposeAsync();
        if (Environment.GetEnvironmentVariable("GRAINS_TEST_LOG") is { Length: > 0 } path)
        {
            await File.WriteAllLinesAsync(path, CapturingLoggerProvider.Entries);
        }

        // A side effect that failed is logged and swallowed by the grains: the run must still see it.
        var errors = CapturingLoggerProvider.ProductErrors();
        Assert.True(errors.Count == 0, $"the grains logged errors:\n{string.Join("\n", errors)}");
    }
}
