using Monitoring.Contracts.Views;
using Monitoring.Dashboard.Components.Ward;
using Monitoring.Dashboard.Display;
using Monitoring.Dashboard.Tests.Support;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Pause;

namespace Monitoring.Dashboard.Tests;

public sealed class BedTileTests : DashboardContext
{
    private static readonly DoseScale Scale = DoseScale.From(Seeds.Parameters);
    private static readonly Freshness Fresh = Freshness.From(Seeds.Parameters);

    public BedTileTests() => SignInAs("nurse", "Nurse");

    private IRenderedComponent<BedTile> Render(PatientSnapshot? snapshot, bool canAdmit = false) =>
        Render<BedTile>(p => p
            .Add(t => t.BedId, snapshot?.BedId ?? "bed-05")
            .Add(t => t.WardId, "ward-a")
            .Add(t => t.Snapshot, snapshot)
            .Add(t => t.Scale, Scale)
            .Add(t => t.Freshness, Fresh)
            .Add(t => t.CanAdmit, canAdmit));

    [Fact]
    public void Shows_who_the_pump_the_dose_and_the_daily_doses()
    {
        var tile = Render(Make.Snapshot());

        Assert.Contains("bed-01", tile.Find(".tile-head .bed").TextContent);
        Assert.Contains("Ada Example", tile.Find(".tile-head .who").TextContent);
        Assert.Contains("70 kg", tile.Find(".tile-head .weight").TextContent);
        Assert.Contains("running", tile.Find("[data-testid=pump-state]").TextContent);
        Assert.Equal("6.3", tile.Find("[data-testid=rate-ml]").TextContent);
        Assert.Equal("0.09", tile.Find("[data-testid=dose-rate]").TextContent);
        Assert.Contains("programmed 151 mg", tile.Find(".daily").TextContent.Replace("  ", " ", StringComparison.Ordinal));
        Assert.Contains("80 mg", tile.Find(".daily").TextContent);
    }

    [Fact]
    public void The_dose_bar_draws_the_band_and_the_ceiling_from_the_protocol_parameters()
    {
        var tile = Render(Make.Snapshot());
        var p = Seeds.Parameters.DoseRate;

        var legend = tile.Find(".dosebar-legend").TextContent;
        Assert.Contains($"usual {p.UsualMinMgPerKgPerHour:0.##}-{p.UsualMaxMgPerKgPerHour:0.##}", legend);
        Assert.Contains($"ceiling {p.CeilingMgPerKgPerHour:0.##}", legend);

        // Another ward's numbers draw another bar: nothing is a literal.
        var other = new DoseScale(0.05m, 0.1m, 0.4m, 0.6m);
        var moved = Render<BedTile>(q => q.Add(t => t.BedId, "bed-01").Add(t => t.Snapshot, Make.Snapshot()).Add(t => t.Scale, other).Add(t => t.Freshness, Fresh));
        Assert.Contains("ceiling 0.4", moved.Find(".dosebar-legend").TextContent);
    }

    [Fact]
    public void Vitals_and_assessments_show_with_their_ages()
    {
        var tile = Render(Make.Snapshot());

        Assert.Equal("78", tile.Find("[data-testid=hr] .reading-value").TextContent);
        Assert.Equal("96", tile.Find("[data-testid=spo2] .reading-value").TextContent);
        Assert.Equal("14", tile.Find("[data-testid=rr] .reading-value").TextContent);
        Assert.Equal("124/78", tile.Find("[data-testid=bp] .reading-value").TextContent);
        Assert.Equal("sinus", tile.Find("[data-testid=rhythm] .reading-value").TextContent);
        Assert.Equal("-1", tile.Find("[data-testid=rass] .reading-value").TextContent);
        Assert.Equal("3", tile.Find("[data-testid=pain] .reading-value").TextContent);
        Assert.Equal("5 s", tile.Find("[data-testid=hr] .reading-age").TextContent);
        Assert.Equal("20 min", tile.Find("[data-testid=pain] .reading-age").TextContent);
    }

    [Fact]
    public void A_reading_older_than_the_protocol_allows_is_visibly_stale()
    {
        var staleAfter = Seeds.Parameters.Comms.ParameterMissingAfter.TotalSeconds;
        var vitals = new VitalsView { HeartRate = Make.Reading("78", staleAfter + 10), Spo2 = Make.Reading("96", 1), RespRate = Make.Reading("14", 1, stale: true) };
        var tile = Render(Make.Snapshot(vitals: vitals));

        Assert.Contains("stale", tile.Find("[data-testid=hr]").ClassList);
        Assert.Contains("stale", tile.Find("[data-testid=rr]").ClassList);
        Assert.DoesNotContain("stale", tile.Find("[data-testid=spo2]").ClassList);
        Assert.Contains("stale", tile.Find("[data-testid=hr] .stale-flag").TextContent);
    }

    [Fact]
    public void NEWS2_is_marked_partial_when_the_grain_says_so()
    {
        Assert.Contains("partial", Render(Make.Snapshot(partial: true)).Find("[data-testid=news2]").TextContent);
        Assert.DoesNotContain("partial", Render(Make.Snapshot(partial: false)).Find("[data-testid=news2]").TextContent);
    }

    [Fact]
    public void The_highest_alert_shows_its_priority_by_colour_icon_and_text()
    {
        var tile = Render(Make.Snapshot(alerts: [Make.Alert("p:p1:1"), Make.Alert("p:p1:2", AlertPriority.Medium, rule: "SOFT_RANGE")]));

        var alert = tile.Find("[data-testid=tile-alert]");
        Assert.Equal("CEILING", alert.GetAttribute("data-rule"));
        Assert.Contains("prio-high", alert.ClassList);
        Assert.Contains("HIGH", alert.QuerySelector(".badge-priority")!.TextContent);
        Assert.Equal("emergency_home", alert.QuerySelector(".material-symbols-outlined")!.TextContent);
        Assert.Contains("+1 more", alert.TextContent);
        Assert.Contains("tile-prio-high", tile.Find("[data-testid=bed-tile]").ClassList);
    }

    [Fact]
    public void A_technical_alert_looks_different_from_a_clinical_one()
    {
        var tile = Render(Make.Snapshot(alerts: [Make.Alert("p:p1:3", kind: AlertKind.Technical, rule: "PUMP_COMMS_LOST")]));

        var alert = tile.Find("[data-testid=tile-alert]");
        Assert.Contains("kind-technical", alert.ClassList);
        Assert.Contains("technical", alert.QuerySelector(".badge-kind")!.TextContent);
        Assert.Equal("build", alert.QuerySelector(".material-symbols-outlined")!.TextContent);
    }

    [Fact]
    public void The_pause_protocol_shows_its_state_and_countdown()
    {
        var pause = new PauseProtocolView(PauseState.Paused, Make.Now.AddMinutes(-20), Make.Now.AddMinutes(40), Make.Now.AddMinutes(100), 6.3m, 0.09m);
        var tile = Render(Make.Snapshot(pause: pause));

        var shown = tile.Find("[data-testid=pause-state]");
        Assert.Contains("Paused", shown.TextContent);
        Assert.Equal("40:00", shown.QuerySelector(".countdown")!.TextContent);
        Assert.Equal("2400", shown.QuerySelector(".countdown")!.GetAttribute("data-remaining"));
    }

    [Fact]
    public void Comfort_care_is_shown()
    {
        Assert.Contains("Comfort care", Render(Make.Snapshot(comfortCare: true)).Find("[data-testid=comfort-care]").TextContent);
        Assert.Empty(Render(Make.Snapshot()).FindAll("[data-testid=comfort-care]"));
    }

    [Fact]
    public void An_empty_bed_offers_admission_to_the_charge_nurse_only()
    {
        Assert.Contains("empty", Render(null).Find("[data-testid=bed-tile]").TextContent);
        Assert.Empty(Render(null).FindAll("a.tile-link"));
        Assert.Contains("admit?bed=bed-05", Render(null, canAdmit: true).Find("a.tile-link").GetAttribute("href"));
    }

    [Fact]
    public void Redraws_only_for_a_new_snapshot()
    {
        var snapshot = Make.Snapshot();
        var tile = Render(snapshot);
        Clock.Advance(TimeSpan.FromMinutes(1));

        // The same snapshot again (the ward page redrew for another bed): this tile is left as it was.
        tile.Render(p => p.Add(t => t.Snapshot, snapshot));
        Assert.Equal("5 s", tile.Find("[data-testid=hr] .reading-age").TextContent);

        tile.Render(p => p.Add(t => t.Snapshot, Make.Snapshot(doseRate: 0.1m)));
        Assert.Equal("1 min", tile.Find("[data-testid=hr] .reading-age").TextContent);
        Assert.Equal("0.1", tile.Find("[data-testid=dose-rate]").TextContent);
    }
}
