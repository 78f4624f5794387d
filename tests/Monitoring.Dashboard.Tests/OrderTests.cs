using Monitoring.Contracts.Views;
using Monitoring.Dashboard.Components.Patient;
using Monitoring.Dashboard.Components.Ward;
using Monitoring.Dashboard.Display;
using Monitoring.Dashboard.Services;
using Monitoring.Dashboard.Tests.Support;

namespace Monitoring.Dashboard.Tests;

/// <summary>The course order and patient limits: shown on the bed tile (and so the patient page), set by the charge nurse's form.</summary>
public sealed class OrderTests : DashboardContext
{
    private static readonly DoseScale Scale = DoseScale.From(Seeds.Parameters);
    private static readonly Freshness Fresh = Freshness.From(Seeds.Parameters);

    private static PatientSnapshot WithOrder(string bound = "patient-limit", bool inclusive = true, decimal max = 0.15m) => Make.Snapshot() with
    {
        Order = new CourseOrderView("Dr A", "weight-based", 1m, 0.06m, 0.2m, "charge", Make.Now),
        Limits = new PatientLimitsView(0.15m, null, null, 0.2m, "frail", "charge", Make.Now),
        AllowedRate = new AllowedRateView(max, inclusive, bound),
    };

    private IRenderedComponent<BedTile> Tile(PatientSnapshot snapshot) =>
        Render<BedTile>(p => p
            .Add(t => t.BedId, snapshot.BedId)
            .Add(t => t.WardId, "ward-a")
            .Add(t => t.Snapshot, snapshot)
            .Add(t => t.Scale, Scale)
            .Add(t => t.Freshness, Fresh));

    [Fact]
    public void The_tile_shows_the_rate_allowed_now_the_order_and_the_patient_limits()
    {
        SignInAs("nurse", "Nurse");

        var tile = Tile(WithOrder());

        Assert.Equal("patient-limit", tile.Find("[data-testid=allowed-rate]").GetAttribute("data-bound"));
        Assert.Equal("≤ 0.15", tile.Find("[data-testid=allowed-max]").TextContent);
        Assert.Contains("Dr A, max 0.2", tile.Find("[data-testid=order]").TextContent, StringComparison.Ordinal);
        Assert.Contains("frail", tile.Find("[data-testid=patient-limits]").GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(tile.FindAll("[data-testid=no-order]"));
    }

    [Fact]
    public void After_a_restart_the_tile_shows_strictly_below_the_pre_pause_rate()
    {
        SignInAs("nurse", "Nurse");

        var tile = Tile(WithOrder(bound: "restart-lower", inclusive: false, max: 0.1m));

        Assert.Equal("< 0.1", tile.Find("[data-testid=allowed-max]").TextContent);
        Assert.Contains("pre-pause", tile.Find("[data-testid=allowed-rate]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_course_without_an_order_says_so()
    {
        SignInAs("nurse", "Nurse");

        var tile = Tile(Make.Snapshot() with { AllowedRate = new AllowedRateView(0.5m, true, "ceiling") });

        Assert.Contains("no order recorded", tile.Find("[data-testid=no-order]").TextContent, StringComparison.Ordinal);
        Assert.Contains("the ceiling", tile.Find("[data-testid=allowed-rate]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_charge_nurse_records_an_order_as_typed()
    {
        SignInAs("charge", "ChargeNurse");
        var form = Render<OrderForm>(p => p.Add(f => f.Snapshot, Make.Snapshot()));

        form.Find("#order-prescriber").Change("Dr A");
        form.Find("input[aria-label='start rate mg/kg/h']").Change("0.06");
        form.Find("input[aria-label='maximum rate mg/kg/h']").Change("0.2");
        form.Find("[data-testid=order-record]").Click();

        Assert.Equal(["order p1 Dr A weight-based 1 0.06 0.2"], Commands.Calls);
        Assert.Equal("Order recorded", form.Find("[data-testid=order-result]").TextContent);
    }

    [Fact]
    public void An_order_with_a_missing_maximum_is_refused_on_screen_and_not_sent()
    {
        SignInAs("charge", "ChargeNurse");
        var form = Render<OrderForm>(p => p.Add(f => f.Snapshot, Make.Snapshot()));

        form.Find("#order-prescriber").Change("Dr A");
        form.Find("input[aria-label='start rate mg/kg/h']").Change("0.06");
        form.Find("[data-testid=order-record]").Click();

        Assert.Empty(Commands.Calls);
        Assert.Contains("maxRateMgPerKgPerHour", form.Find("[data-testid=order-result]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_need_a_reason_and_the_grains_refusal_is_shown_with_its_field()
    {
        SignInAs("charge", "ChargeNurse");
        var form = Render<OrderForm>(p => p.Add(f => f.Snapshot, Make.Snapshot()));
        form.Find("input[aria-label='acute bolus limit mg/kg']").Change("0.4");
        form.Find("[data-testid=limits-set]").Click();
        Assert.Empty(Commands.Calls);
        Assert.Contains("reason", form.Find("[data-testid=order-result]").TextContent, StringComparison.Ordinal);

        Commands.Answer = CommandOutcome.Refused("acuteBolusLimitMgPerKg", "0.4 mg/kg is above the ward's acute bolus limit");
        form.Find("#limits-reason").Change("frail");
        form.Find("[data-testid=limits-set]").Click();

        Assert.Equal(["limits p1    0.4 frail"], Commands.Calls);
        Assert.Contains("acuteBolusLimitMgPerKg", form.Find("[data-testid=order-result]").TextContent, StringComparison.Ordinal);
    }
}
