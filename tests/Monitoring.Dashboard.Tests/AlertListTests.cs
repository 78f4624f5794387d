using Monitoring.Contracts.Views;
using Monitoring.Dashboard.Components.Alerts;
using Monitoring.Dashboard.Live;
using Monitoring.Dashboard.Services;
using Monitoring.Dashboard.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;

namespace Monitoring.Dashboard.Tests;

public sealed class AlertListTests : DashboardContext
{
    private readonly List<string> _acknowledged = [];

    private IRenderedComponent<AlertList> Render(IReadOnlyList<AlertView> alerts, bool charge) =>
        Render<AlertList>(p => p
            .Add(l => l.Alerts, alerts)
            .Add(l => l.CanAcknowledge, charge)
            .Add(l => l.Acknowledge, (a, note) =>
            {
                _acknowledged.Add($"{a.Id}:{note}");
                return Task.FromResult(CommandOutcome.Ok);
            }));

    [Fact]
    public void Alerts_are_sorted_by_priority_then_age()
    {
        var sorted = AlertOrdering.Sort(
        [
            Make.Alert("low-old", AlertPriority.Low, ageSeconds: 900),
            Make.Alert("high-new", AlertPriority.High, ageSeconds: 10),
            Make.Alert("medium", AlertPriority.Medium, ageSeconds: 60),
            Make.Alert("high-old", AlertPriority.High, ageSeconds: 300, state: AlertState.Acknowledged),
            Make.Alert("high-latched", AlertPriority.High, ageSeconds: 200, state: AlertState.Latched),
        ]);

        var list = Render(sorted, charge: false);

        Assert.Equal(
            ["high-old", "high-latched", "high-new", "medium", "low-old"],
            list.FindAll("[data-testid=alert-row]").Select(r => r.GetAttribute("data-alert-id")));
    }

    [Fact]
    public void A_nurse_sees_no_acknowledge()
    {
        var list = Render([Make.Alert("a1")], charge: false);

        Assert.Empty(list.FindAll("[data-testid=acknowledge]"));
        Assert.Empty(list.FindAll(".ack-note"));
    }

    [Fact]
    public void A_charge_nurse_acknowledges_with_an_optional_note()
    {
        var list = Render([Make.Alert("a1"), Make.Alert("a2", state: AlertState.Acknowledged)], charge: true);

        Assert.Single(list.FindAll("[data-testid=acknowledge]"));
        list.Find(".ack-note").Change("seen at the bedside");
        list.Find("[data-testid=acknowledge]").Click();

        Assert.Equal(["a1:seen at the bedside"], _acknowledged);
    }

    [Fact]
    public void A_refused_acknowledgement_says_why()
    {
        var list = Render<AlertList>(p => p
            .Add(l => l.Alerts, [Make.Alert("a1")])
            .Add(l => l.CanAcknowledge, true)
            .Add(l => l.Acknowledge, (_, _) => Task.FromResult(CommandOutcome.Refused(null, "alert a1 is already resolved"))));

        list.Find("[data-testid=acknowledge]").Click();

        Assert.Contains("already resolved", list.Find(".form-error").TextContent);
    }

    [Fact]
    public void Escalation_re_alarm_acknowledgement_and_kind_are_shown()
    {
        var list = Render(
        [
            Make.Alert("esc", escalated: true, reAlarmedAt: Make.Now.AddSeconds(-5)),
            Make.Alert("ack", state: AlertState.Acknowledged),
            Make.Alert("tech", AlertPriority.Medium, kind: AlertKind.Technical, rule: "MONITOR_COMMS_LOST"),
            Make.Alert("latched", state: AlertState.Latched),
        ], charge: false);

        var rows = list.FindAll("[data-testid=alert-row]");
        Assert.Contains("ESCALATED", rows[0].QuerySelector("[data-testid=escalated]")!.TextContent);
        Assert.Contains("RE-ALARMED", rows[0].QuerySelector("[data-testid=re-alarmed]")!.TextContent);
        Assert.Contains("Acknowledged by charge", rows[1].QuerySelector("[data-testid=alert-state]")!.TextContent);
        Assert.Contains("kind-technical", rows[2].ClassList);
        Assert.Contains("technical", rows[2].TextContent);
        Assert.Contains("Latched", rows[3].QuerySelector("[data-testid=alert-state]")!.TextContent);
        Assert.Contains("2 high", list.Find(".counts").TextContent.Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_list_redraws_at_once()
    {
        var list = Render([Make.Alert("a1")], charge: false);

        list.Render(p => p.Add(l => l.Alerts, [Make.Alert("a1", state: AlertState.Acknowledged)]));

        Assert.Equal("acknowledged", list.Find("[data-testid=alert-row]").GetAttribute("data-state"));
    }
}
