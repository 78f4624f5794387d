namespace Monitoring.Browser.Tests.Support;

/// <summary>One host and one browser shared by the tests of the "ward" collection.</summary>
public sealed class WardFixture : IAsyncLifetime
{
    public DashboardHost Host { get; private set; } = null!;

    public Chromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await DashboardHost.StartAsync();
        Chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Host.DisposeAsync();
    }
}
