using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Application;
using Monitoring.Application.Access;
using Monitoring.Application.Handling;
using Monitoring.Application.Outcomes;
using Monitoring.Dashboard.Components.Patient;
using Monitoring.Dashboard.Services;
using Monitoring.Dashboard.Tests.Support;

namespace Monitoring.Dashboard.Tests;

/// <summary>Discharge from the patient page: charge nurse only, after a confirmation, with the grain's refusal shown.</summary>
public sealed class DischargeTests : DashboardContext
{
    private const string RunningPump = "pump pump-01 is running: stop it before discharge";

    [Fact]
    public void A_nurse_is_not_offered_a_discharge()
    {
        SignInAs("nurse", "Nurse");

        var panel = Render<DischargeAction>(p => p.Add(d => d.Snapshot, Make.Snapshot()));

        Assert.Empty(panel.FindAll("[data-testid=discharge]"));
        Assert.Empty(panel.FindAll("button"));
    }

    [Fact]
    public void Nothing_is_sent_until_the_charge_nurse_confirms_and_cancel_sends_nothing()
    {
        SignInAs("charge", "ChargeNurse");
        var panel = Render<DischargeAction>(p => p.Add(d => d.Snapshot, Make.Snapshot()));

        panel.Find("[data-testid=discharge-start]").Click();
        Assert.Contains("bed-01: Ada Example", panel.Find("[data-testid=discharge-confirm]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Commands.Calls);

        panel.Find("[data-testid=discharge-cancel]").Click();
        Assert.Empty(panel.FindAll("[data-testid=discharge-confirm]"));
        Assert.Empty(Commands.Calls);
    }

    [Fact]
    public void A_confirmed_discharge_goes_to_the_grain_and_back_to_the_ward()
    {
        SignInAs("charge", "ChargeNurse");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var panel = Render<DischargeAction>(p => p.Add(d => d.Snapshot, Make.Snapshot()));

        panel.Find("[data-testid=discharge-start]").Click();
        panel.Find("[data-testid=discharge-confirm-button]").Click();

        Assert.Equal(["discharge p1 by charge"], Commands.Calls);
        Assert.EndsWith("/wards/ward-a", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_while_the_pump_runs_is_shown_with_the_grains_reason_and_the_page_stays()
    {
        SignInAs("charge", "ChargeNurse");
        Commands.Answer = CommandOutcome.Refused(null, RunningPump);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;
        var panel = Render<DischargeAction>(p => p.Add(d => d.Snapshot, Make.Snapshot()));

        panel.Find("[data-testid=discharge-start]").Click();
        panel.Find("[data-testid=discharge-confirm-button]").Click();

        var result = panel.Find("[data-testid=discharge-result]");
        Assert.Equal("alert", result.GetAttribute("role"));
        Assert.Contains("form-error", result.ClassList);
        Assert.Contains(RunningPump, result.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, navigation.Uri);
        Assert.Empty(panel.FindAll("[data-testid=discharge-confirm]"));
    }

    [Fact]
    public async Task The_command_itself_refuses_a_nurse_before_any_grain_is_asked()
    {
        // No grain factory: a command that got past the role check would fail here, not answer Forbidden.
        var services = new ServiceCollection()
            .AddSingleton(new UseCaseServices(null!, null!, null!, Clock, NullLoggerFactory.Instance))
            .AddSingleton<Monitoring.Application.Ports.IObservationParser>(_ => null!)
            .AddApplication()
            .BuildServiceProvider();
        var commands = new UseCaseClinicalCommands(services.GetRequiredService<UseCases>());
        var nurse = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "nurse"), new Claim(ClaimTypes.Role, Roles.Nurse)], "test"));

        var outcome = await commands.Discharge(nurse, "p1");

        Assert.False(outcome.Succeeded);
        Assert.Equal(OutcomeKind.Forbidden, outcome.Kind);
    }
}
