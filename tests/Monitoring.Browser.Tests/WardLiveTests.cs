using System.Text.RegularExpressions;
using Monitoring.Browser.Tests.Support;
using Monitoring.Protocol.Parameters;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Browser.Tests;

/// <summary>
/// The ward as nurses see it, in a real browser against a real host: a ceiling breach published over MQTT
/// reaches the tile and the alert list without a reload; the nurse cannot acknowledge; the charge nurse, in
/// another browser profile, does; the nurse's screen follows at once.
/// </summary>
[Collection(WardCollection.Name)]
public sealed class WardLiveTests(WardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_ceiling_breach_shows_live_and_only_the_charge_nurse_acknowledges_it()
    {
        var host = fixture.Host;
        using var charge = await host.SignInApi(Users.Charge.Name, Users.Charge.Password);
        await DashboardHost.AdmitWithDevices(charge, "bt-ceiling", "bed-01", "Ceiling Patient", "pump-01", "monitor-01");
        await DashboardHost.AdmitWithDevices(charge, "bt-calm", "bed-02", "Calm Patient", "pump-02", "monitor-02");
        await using var devices = await DeviceClient.Connect(host.Factory.MqttPort, "browser-device");
        await devices.PublishPumpStatus("pump-01", "running", host.RateInUsualBand(), DashboardHost.ConcentrationMgPerMl);
        await devices.PublishPumpStatus("pump-02", "running", host.RateInUsualBand(), DashboardHost.ConcentrationMgPerMl);
        await devices.PublishVitals("monitor-01", 88, 95, 15, 131, 82);
        await devices.PublishVitals("monitor-02", 76, 97, 14, 122, 76);

        await using var nurse = await fixture.Chromium.SignIn(host.BaseAddress, Users.Nurse.Name, Users.Nurse.Password, "/wards/ward-a");
        var navigations = 0;
        nurse.Page.FrameNavigated += (_, frame) =>
        {
            if (frame == nurse.Page.MainFrame)
            {
                navigations++;
            }
        };

        var tile = nurse.Page.Locator("[data-testid=bed-tile][data-bed=bed-01]");
        await Expect(tile).ToContainTextAsync("Ceiling Patient");
        await Expect(tile.Locator("[data-testid=hr] .reading-value")).ToHaveTextAsync("88");

        // The breach, published while the page is open.
        await devices.PublishPumpStatus("pump-01", "running", host.RateAtCeilingTimes(1.5m), DashboardHost.ConcentrationMgPerMl);
        await Expect(tile.Locator("[data-testid=tile-alert][data-rule=CEILING]")).ToBeVisibleAsync();
        await Expect(tile.Locator("[data-testid=tile-alert] [data-testid=priority-badge]").First).ToContainTextAsync("HIGH");
        var nurseRow = nurse.Page.Locator("[data-testid=alert-list] [data-testid=alert-row][data-rule=CEILING]");
        await Expect(nurseRow).ToBeVisibleAsync();
        await Expect(nurseRow).ToHaveAttributeAsync("data-state", "active");
        await Expect(nurse.Page.Locator("[data-testid=acknowledge]")).ToHaveCountAsync(0);
        await Expect(nurse.Page.Locator("[data-testid=sound]")).Not.ToHaveAttributeAsync("data-beeps", "0");
        await nurse.Screenshot("ward");

        await using var chargeNurse = await fixture.Chromium.SignIn(host.BaseAddress, Users.Charge.Name, Users.Charge.Password, "/wards/ward-a/alerts");
        var chargeRow = chargeNurse.Page.Locator("[data-testid=alert-row][data-rule=CEILING]");
        await Expect(chargeRow.Locator("[data-testid=acknowledge]")).ToBeVisibleAsync();
        await chargeRow.Locator(".ack-note").FillAsync("rate lowered at the bedside");
        await chargeRow.Locator(".ack-note").PressAsync("Tab");
        await chargeRow.Locator("[data-testid=acknowledge]").ClickAsync();
        await Expect(chargeRow).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(chargeRow).ToContainTextAsync("Acknowledged by charge");

        // In the ward's local time with its offset (seeds: ward-a is Europe/London), never bare UTC.
        var offset = WardTimeZone.Resolve("Europe/London").Offset(DateTimeOffset.UtcNow);
        await Expect(chargeRow).ToContainTextAsync(new Regex(@"Acknowledged by charge at \d{2}:\d{2}:\d{2} " + Regex.Escape(offset)));
        await Expect(chargeNurse.Page.Locator("[data-testid=ward-zone]")).ToContainTextAsync($"times in Europe/London (now {offset})");
        await Expect(chargeRow).ToContainTextAsync("rate lowered at the bedside");
        await chargeNurse.Screenshot("alert-list");

        // The nurse's screen follows without a reload.
        await Expect(nurseRow).ToHaveAttributeAsync("data-state", "acknowledged");
        Assert.Equal(0, navigations);
        Assert.DoesNotContain(nurse.ConsoleProblems, p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(chargeNurse.ConsoleProblems, p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        output.WriteLine($"nurse console: {string.Join(" | ", nurse.ConsoleProblems)}");

        // The patient page: charts with the ceiling line, histories, the charting form.
        await chargeNurse.Page.GotoAsync("/patients/bt-ceiling");
        await chargeNurse.Page.Locator("[data-interactive=true]").WaitForAsync();
        await Expect(chargeNurse.Page.Locator("[data-testid=chart-doseRate] svg").First).ToBeVisibleAsync();
        await Expect(chargeNurse.Page.Locator("[data-testid=alert-history]")).ToContainTextAsync("CEILING");
        await chargeNurse.Page.Locator("[data-testid=pain-value]").SelectOptionAsync("4");
        await chargeNurse.Page.Locator("[data-testid=record-pain]").ClickAsync();
        await Expect(chargeNurse.Page.Locator("[data-testid=observation-result]")).ToContainTextAsync("pain recorded");
        await Expect(chargeNurse.Page.Locator("[data-testid=bed-tile] [data-testid=pain] .reading-value")).ToHaveTextAsync("4");
        await chargeNurse.Screenshot("patient");
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user_and_carry_the_security_headers()
    {
        using var anonymous = fixture.Host.Client();
        var page = await anonymous.GetAsync(new Uri("/wards/ward-a", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/wards/ward-a", UriKind.Relative))).StatusCode);

        var signIn = await anonymous.GetAsync(new Uri("/signin", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, signIn.StatusCode);
        var csp = string.Join(";", signIn.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", signIn.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", signIn.Headers.GetValues("Referrer-Policy").Single());

        // A form POST without its antiforgery token is refused.
        var forged = await anonymous.PostAsync(new Uri("/auth/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "nurse", ["password"] = "nurse-demo" }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
