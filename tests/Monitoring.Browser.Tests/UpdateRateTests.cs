using System.Diagnostics;
using System.Globalization;
using Monitoring.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Browser.Tests;

/// <summary>
/// Under a burst of device messages the ward view takes every push but redraws at most a few times a second
/// (the render throttle). Measures pushes received and redraws made per second by one open view.
/// </summary>
[Collection(WardCollection.Name)]
public sealed class UpdateRateTests(WardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_burst_of_pushes_is_drawn_a_few_times_a_second()
    {
        var host = fixture.Host;
        using var charge = await host.SignInApi(Users.Charge.Name, Users.Charge.Password);
        var beds = new[] { "bed-07", "bed-08", "bed-09", "bed-10" };
        for (var i = 0; i < beds.Length; i++)
        {
            await DashboardHost.AdmitWithDevices(charge, $"bt-burst-{i}", beds[i], $"Burst Patient {i}", $"pump-{7 + i:00}", $"monitor-{7 + i:00}");
        }

        await using var devices = await DeviceClient.Connect(host.Factory.MqttPort, "browser-device");
        await using var nurse = await fixture.Chromium.SignIn(host.BaseAddress, Users.Nurse.Name, Users.Nurse.Password, "/wards/ward-a");
        var stats = nurse.Page.Locator("[data-testid=render-stats]");

        // The counters are for tests and diagnosis: in the page, never on the nurse's screen.
        await Expect(stats).ToBeHiddenAsync();
        await Expect(nurse.Page.GetByText("redraws")).ToHaveCountAsync(0);
        await Task.Delay(1500);
        var pushes0 = long.Parse(await stats.GetAttributeAsync("data-pushes") ?? "0", CultureInfo.InvariantCulture);
        var renders0 = long.Parse(await stats.GetAttributeAsync("data-renders") ?? "0", CultureInfo.InvariantCulture);

        // About 400 vitals messages over ~4 s across four monitors.
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < 100; round++)
        {
            var publishes = beds.Select((_, i) => devices.PublishVitals($"monitor-{7 + i:00}", 70 + (round % 20), 94 + (round % 5), 12 + (round % 6), 120, 75));
            await Task.WhenAll(publishes);
            await Task.Delay(40);
        }

        var burst = clock.Elapsed;
        await Expect(nurse.Page.Locator("[data-testid=bed-tile][data-bed=bed-10] [data-testid=hr] .reading-value")).ToHaveTextAsync("89");
        await Task.Delay(1000);
        var elapsed = clock.Elapsed;
        var pushes = long.Parse(await stats.GetAttributeAsync("data-pushes") ?? "0", CultureInfo.InvariantCulture) - pushes0;
        var renders = long.Parse(await stats.GetAttributeAsync("data-renders") ?? "0", CultureInfo.InvariantCulture) - renders0;

        var pushRate = pushes / elapsed.TotalSeconds;
        var renderRate = renders / elapsed.TotalSeconds;
        var report = $"burst {burst.TotalSeconds:0.0} s, measured over {elapsed.TotalSeconds:0.0} s: {pushes} pushes ({pushRate:0.0}/s) received, {renders} redraws ({renderRate:0.0}/s) by one ward view";
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Screenshots.Folder, "..", "update-rate.txt"), report + Environment.NewLine);

        Assert.True(pushes >= 100, $"too few pushes reached the view: {report}");
        Assert.True(renderRate <= 6, $"the view redrew too often: {report}");
        Assert.True(renders < pushes / 4, $"redraws were not coalesced: {report}");
    }
}
