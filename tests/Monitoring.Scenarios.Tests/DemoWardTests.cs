using System.Text.Json.Nodes;
using Monitoring.Scenarios.Tests.Support;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Scenarios.Tests;

/// <summary>
/// The in-host demo ward (Simulator:Beds): once the host is ready its simulated patients are admitted over REST
/// and their pumps and monitors report over MQTT, so a nurse sees a live ward without doing anything.
/// </summary>
public sealed class DemoWardTests
{
    private const int Beds = 3;

    [Fact]
    public async Task A_nurse_sees_the_demo_beds_with_running_pumps_and_fresh_vitals()
    {
        await using var host = new TestHostFactory(virtualClock: false, demoBeds: Beds);
        await host.StartReadyAsync(VirtualClockHostFixture.Generous);
        using var nurse = new HostApiClient(host.BaseAddress);
        using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
        await nurse.LoginAsync(VirtualClockHostFixture.Nurse, timeout.Token);

        JsonArray? beds = null;
        while (!timeout.IsCancellationRequested)
        {
            var ward = await nurse.GetAsync(HostRoutes.Ward("ward-a"), timeout.Token);
            beds = ward.Json()?["beds"]?.AsArray();
            if (beds is { Count: Beds } && beds.All(Live))
            {
                break;
            }

            await Task.Delay(250, timeout.Token);
        }

        Assert.NotNull(beds);
        Assert.Equal(Beds, beds!.Count);
        Assert.All(beds, bed => Assert.True(Live(bed), $"not live: {bed?.ToJsonString()}"));
    }

    private static bool Live(JsonNode? bed) =>
        bed?["pump"]?["state"]?.GetValue<string>() == "running"
        && bed["vitals"]?["heartRate"]?["ageSeconds"] is { } age
        && age.GetValue<double>() < 30;
}
