using Monitoring.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Browser.Tests;

/// <summary>A lost server is impossible to miss: the full-width banner appears within seconds.</summary>
public sealed class DisconnectTests
{
    [Fact]
    public async Task Stopping_the_host_shows_the_disconnected_banner_within_seconds()
    {
        var host = await DashboardHost.StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        try
        {
            await using var nurse = await chromium.SignIn(host.BaseAddress, Users.Nurse.Name, Users.Nurse.Password, "/wards/ward-a");
            var banner = nurse.Page.Locator("#components-reconnect-modal");
            await Expect(banner).ToBeHiddenAsync();

            var stoppedAt = DateTime.UtcNow;
            await host.StopAsync();
            await Expect(banner).ToBeVisibleAsync(new() { Timeout = 10_000 });
            var seconds = (DateTime.UtcNow - stoppedAt).TotalSeconds;
            await Expect(banner).ToContainTextAsync("Disconnected - data not live");
            var box = await banner.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width >= 1900, $"the banner is {box.Width} px wide, not full width");
            await nurse.Screenshot("disconnected");
            Assert.True(seconds < 10, $"the banner took {seconds:0.0} s");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
