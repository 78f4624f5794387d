using System.Diagnostics;
using Monitoring.Browser.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Browser.Tests;

/// <summary>
/// A lost device feed is never silent: with a real Mosquitto that the test stops, every dashboard page shows the
/// device-feed banner within seconds (before any bed's PUMP_COMMS_LOST), and it clears once ingest is back.
/// </summary>
public sealed class DeviceFeedTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Stopping_the_broker_shows_the_device_feed_banner_on_every_page_until_the_feed_is_back()
    {
        await using var broker = new MosquittoServer("browser-mosquitto-");
        await broker.StartAsync(MosquittoServer.AnonymousInMemory);
        var host = await DashboardHost.StartAsync(new DashboardHostFactory(broker.Port));
        await using var chromium = await Chromium.LaunchAsync();
        try
        {
            await using var nurse = await chromium.SignIn(host.BaseAddress, Users.Nurse.Name, Users.Nurse.Password, "/wards/ward-a");
            var banner = nurse.Page.Locator("[data-testid=device-feed-banner]");
            await Expect(banner).ToHaveCountAsync(0);
            await Expect(nurse.Page.Locator("[data-testid=live]")).ToBeVisibleAsync();

            var stopped = Stopwatch.GetTimestamp();
            await broker.StopAsync();
            await Expect(banner).ToHaveAttributeAsync("data-state", "lost", new() { Timeout = 10_000 });
            var seconds = Stopwatch.GetElapsedTime(stopped).TotalSeconds;
            await Expect(banner).ToHaveAttributeAsync("role", "alert");
            await Expect(banner).ToBeVisibleAsync();
            await Expect(banner).ToContainTextAsync("not reaching this screen");
            await Expect(banner).ToContainTextAsync("Check patients and pumps at the bedside");
            await Expect(nurse.Page.Locator("[data-testid=live]")).ToBeHiddenAsync();
            await nurse.Screenshot("device-feed-lost");
            output.WriteLine($"broker stopped to banner shown: {seconds * 1000:F0} ms");
            Assert.True(seconds < 3, $"the banner took {seconds:0.0} s after the broker stopped");

            // Another page of the same session shows it too (it lives in the layout).
            await nurse.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Alerts", Exact = true }).ClickAsync();
            await nurse.Page.WaitForURLAsync("**/wards/ward-a/alerts");
            await Expect(banner).ToBeVisibleAsync();

            var resumed = Stopwatch.GetTimestamp();
            await broker.ResumeAsync();
            await Expect(banner).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            output.WriteLine($"broker started to banner gone: {Stopwatch.GetElapsedTime(resumed).TotalMilliseconds:F0} ms");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
