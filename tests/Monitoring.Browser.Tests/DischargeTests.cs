using System.Text.RegularExpressions;
using Monitoring.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Monitoring.Browser.Tests;

/// <summary>
/// Discharge from the patient page against a real host: the grain refuses while the pump runs and the page says
/// why; once the pump has stopped the discharge goes through and the ward view no longer holds the patient.
/// </summary>
[Collection(WardCollection.Name)]
public sealed class DischargeTests(WardFixture fixture)
{
    [Fact]
    public async Task The_charge_nurse_discharges_after_confirming_and_is_refused_while_the_pump_runs()
    {
        var host = fixture.Host;
        using var charge = await host.SignInApi(Users.Charge.Name, Users.Charge.Password);
        await DashboardHost.AdmitWithDevices(charge, "bt-discharge", "bed-11", "Leaving Patient", "pump-11", "monitor-11");
        await using var devices = await DeviceClient.Connect(host.Factory.MqttPort, "browser-device");
        await devices.PublishPumpStatus("pump-11", "running", host.RateInUsualBand(), DashboardHost.ConcentrationMgPerMl);

        // A nurse is not offered the button at all.
        await using (var nurse = await fixture.Chromium.SignIn(host.BaseAddress, Users.Nurse.Name, Users.Nurse.Password, "/patients/bt-discharge"))
        {
            await Expect(nurse.Page.Locator("[data-testid=pump-state]")).ToHaveClassAsync(new Regex("pump-running"));
            await Expect(nurse.Page.Locator("[data-testid=discharge]")).ToHaveCountAsync(0);
        }

        await using var chargeNurse = await fixture.Chromium.SignIn(host.BaseAddress, Users.Charge.Name, Users.Charge.Password, "/patients/bt-discharge");
        var page = chargeNurse.Page;
        await Expect(page.Locator("[data-testid=pump-state]")).ToHaveClassAsync(new Regex("pump-running"));

        await page.Locator("[data-testid=discharge-start]").ClickAsync();
        await Expect(page.Locator("[data-testid=discharge-confirm]")).ToContainTextAsync("bed-11: Leaving Patient");
        await page.Locator("[data-testid=discharge-confirm-button]").ClickAsync();
        await Expect(page.Locator("[data-testid=discharge-result]")).ToContainTextAsync("pump-11 is running");
        await chargeNurse.Screenshot("discharge-refused");

        await devices.PublishPumpStatus("pump-11", "stopped", 0m, DashboardHost.ConcentrationMgPerMl);
        await Expect(page.Locator("[data-testid=pump-state]")).ToHaveClassAsync(new Regex("pump-stopped"));
        await page.Locator("[data-testid=discharge-start]").ClickAsync();
        await page.Locator("[data-testid=discharge-confirm-button]").ClickAsync();

        await page.WaitForURLAsync("**/wards/ward-a");
        var bed = page.Locator("[data-testid=bed-tile][data-bed=bed-11]");
        await Expect(bed).ToContainTextAsync("empty");
        await Expect(bed).Not.ToContainTextAsync("Leaving Patient");
        using var after = await charge.GetAsync(new Uri("/api/patients/bt-discharge", UriKind.Relative));
        Assert.Contains("\"discharged\":true", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
