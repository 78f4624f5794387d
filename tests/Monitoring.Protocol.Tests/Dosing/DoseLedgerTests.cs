using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Dosing;

public class DoseLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Min(double minutes) => T0.AddMinutes(minutes);

    [Fact]
    public void An_empty_ledger_delivered_nothing()
    {
        Assert.Equal(0m, DoseLedger.Empty.DeliveredMg(T0, Min(60)));
        Assert.Null(DoseLedger.Empty.OpenSegment);
    }

    [Fact]
    public void Ninety_minutes_running_at_a_known_rate()
    {
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: true, 10m, 1m)
            .WithPumpStatus(Min(90), running: false, 10m, 1m);

        Assert.Equal(15m, ledger.DeliveredMg(T0, Min(90)));
        Assert.Equal(15m, ledger.DeliveredMg(T0.AddHours(-24), Min(300)));
        Assert.Single(ledger.Segments);
        Assert.Null(ledger.OpenSegment);
    }

    [Fact]
    public void An_open_segment_runs_to_the_end_of_the_window()
    {
        var ledger = DoseLedger.Empty.WithPumpStatus(T0, running: true, 12.5m, 2m);

        Assert.Equal(25m, ledger.InfusionMg(T0, Min(60)));
        Assert.Equal(12.5m, ledger.InfusionMg(T0, Min(30)));
        Assert.NotNull(ledger.OpenSegment);
    }

    [Fact]
    public void Paused_time_is_not_counted()
    {
        // 30 min running, 60 min paused, 30 min running, then stopped: one hour at 6 mg/h.
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: true, 6m, 1m)
            .WithPumpStatus(Min(30), running: false, 6m, 1m)
            .WithPumpStatus(Min(90), running: true, 6m, 1m)
            .WithPumpStatus(Min(120), running: false, 6m, 1m);

        Assert.Equal(6m, ledger.InfusionMg(T0, Min(240)));
        Assert.Equal(0m, ledger.InfusionMg(Min(30), Min(90)));
        Assert.Equal(2, ledger.Segments.Count);
    }

    [Fact]
    public void Time_in_state_bolus_is_counted_by_the_bolus_dose_only()
    {
        // The caller passes running = false for the bolus state; the bolus counts by its doseMg.
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: true, 6m, 1m)
            .WithPumpStatus(Min(10), running: false, 300m, 1m)
            .WithBolus(Min(11), 20m, BolusKind.Acute)
            .WithPumpStatus(Min(12), running: true, 6m, 1m);

        Assert.Equal(1m + 20m + 4.8m, ledger.DeliveredMg(T0, Min(60)));
        Assert.Equal(20m, ledger.BolusMg(T0, Min(60)));
        Assert.Equal(5.8m, ledger.InfusionMg(T0, Min(60)));
    }

    [Fact]
    public void Boluses_count_in_a_window_that_is_open_at_its_start_and_closed_at_its_end()
    {
        var ledger = DoseLedger.Empty
            .WithBolus(Min(0), 10m)
            .WithBolus(Min(30), 5m, BolusKind.Test)
            .WithBolus(Min(60), 2m);

        Assert.Equal(7m, ledger.BolusMg(Min(0), Min(60)));
        Assert.Equal(17m, ledger.BolusMg(Min(-1), Min(60)));
        Assert.Equal(0m, ledger.BolusMg(Min(30), Min(30)));
        Assert.Equal(BolusKind.Test, ledger.Boluses[1].Kind);
        Assert.Equal(BolusKind.Acute, ledger.Boluses[0].Kind);
    }

    [Fact]
    public void A_late_bolus_is_kept_in_time_order()
    {
        var ledger = DoseLedger.Empty.WithBolus(Min(30), 5m).WithBolus(Min(10), 3m).WithBolus(Min(30), 1m);

        Assert.Equal([Min(10), Min(30), Min(30)], ledger.Boluses.Select(b => b.At));
        Assert.Equal([3m, 5m, 1m], ledger.Boluses.Select(b => b.DoseMg));
    }

    [Fact]
    public void A_trailing_window_cuts_a_segment_in_the_middle()
    {
        // Running 10 mL/h x 1 mg/mL from 08:00 to 11:00; the trailing hour to 10:30 sees only 10 mg of it.
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: true, 10m, 1m)
            .WithPumpStatus(Min(180), running: false, 0m, 1m);
        var now = Min(150);
        var window = SeedProtocol.Parameters.CumulativeHour.Window;

        Assert.Equal(10m, ledger.DeliveredMg(now - window, now));
        Assert.Equal(2.5m, ledger.DeliveredMg(Min(165), Min(195)));
    }

    [Fact]
    public void Cumulative_hour_at_the_ceiling_plus_an_acute_bolus_just_under_reaches_the_limit()
    {
        // 70 kg, 1 mg/mL: an hour at 35 mL/h (0.5 mg/kg/h) plus 24.5 mg (0.35 mg/kg) is 0.85 mg/kg.
        var p = SeedProtocol.Parameters;
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: true, 35m, 1m)
            .WithBolus(Min(30), 24.5m);
        var now = Min(60);

        var mgPerKg = DoseRateCalculator.BolusMgPerKg(ledger.DeliveredMg(now - p.CumulativeHour.Window, now), 70m);

        Assert.Equal(p.CumulativeHour.LimitMgPerKg, mgPerKg);
    }

    [Fact]
    public void A_rate_change_closes_the_segment_and_opens_another()
    {
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: true, 6m, 1m)
            .WithPumpStatus(Min(60), running: true, 12m, 1m);

        Assert.Equal(2, ledger.Segments.Count);
        Assert.Equal(Min(60), ledger.Segments[0].End);
        Assert.Equal(6m + 12m, ledger.InfusionMg(T0, Min(120)));
    }

    [Fact]
    public void A_concentration_change_closes_the_segment_too()
    {
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: true, 6m, 1m)
            .WithPumpStatus(Min(60), running: true, 6m, 2m);

        Assert.Equal(6m + 12m, ledger.InfusionMg(T0, Min(120)));
    }

    [Fact]
    public void The_same_status_repeated_continues_the_segment()
    {
        var ledger = DoseLedger.Empty;
        for (var seconds = 0; seconds <= 3600; seconds += 5)
        {
            ledger = ledger.WithPumpStatus(T0.AddSeconds(seconds), running: true, 10m, 1m);
        }

        Assert.Single(ledger.Segments);
        Assert.Equal(T0.AddSeconds(3600), ledger.LastStatusAt);
        Assert.Equal(10m, ledger.InfusionMg(T0, Min(60)));
    }

    [Fact]
    public void A_status_older_than_the_last_one_is_ignored()
    {
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: true, 10m, 1m)
            .WithPumpStatus(Min(60), running: true, 20m, 1m);

        var after = ledger.WithPumpStatus(Min(30), running: false, 0m, 1m);

        Assert.Equal(ledger, after);
        Assert.Equal(30m, after.InfusionMg(T0, Min(120)));
    }

    [Fact]
    public void A_status_at_the_same_instant_a_segment_opened_replaces_it()
    {
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: true, 10m, 1m)
            .WithPumpStatus(T0, running: true, 20m, 1m);

        Assert.Single(ledger.Segments);
        Assert.Equal(20m, ledger.InfusionMg(T0, Min(60)));
    }

    [Fact]
    public void Stopping_a_stopped_pump_changes_nothing_but_the_time()
    {
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: false, 10m, 1m)
            .WithPumpStatus(Min(5), running: false, 10m, 1m);

        Assert.Empty(ledger.Segments);
        Assert.Equal(Min(5), ledger.LastStatusAt);
    }

    [Fact]
    public void Pruning_keeps_the_totals_of_windows_after_the_cutoff()
    {
        var ledger = DoseLedger.Empty
            .WithPumpStatus(T0, running: true, 10m, 1m)
            .WithBolus(Min(20), 5m)
            .WithPumpStatus(Min(60), running: false, 10m, 1m)
            .WithBolus(Min(70), 7m)
            .WithPumpStatus(Min(90), running: true, 4m, 2m)
            .WithBolus(Min(150), 3m);
        var now = Min(240);

        var pruned = ledger.PrunedBefore(Min(120));

        Assert.Single(pruned.Segments);
        Assert.Equal(Min(120), pruned.Segments[0].Start);
        Assert.Single(pruned.Boluses);
        Assert.Equal(ledger.DeliveredMg(Min(120), now), pruned.DeliveredMg(Min(120), now));
        Assert.Equal(ledger.DeliveredMg(Min(180), now), pruned.DeliveredMg(Min(180), now));
        Assert.Equal(ledger.LastStatusAt, pruned.LastStatusAt);
        Assert.Equal(8m * 2 + 3m, pruned.DeliveredMg(Min(120), now));
    }

    [Fact]
    public void Pruning_drops_a_bolus_exactly_at_the_cutoff_which_no_later_window_counts()
    {
        var ledger = DoseLedger.Empty.WithBolus(Min(60), 5m);

        var pruned = ledger.PrunedBefore(Min(60));

        Assert.Empty(pruned.Boluses);
        Assert.Equal(ledger.BolusMg(Min(60), Min(120)), pruned.BolusMg(Min(60), Min(120)));
    }

    [Fact]
    public void Retention_is_the_longest_window_the_rules_read()
    {
        var p = SeedProtocol.Parameters;

        Assert.Equal(p.DoseRate.DailyDoseWindow, DoseLedger.RetentionNeeded(p));
    }

    [Fact]
    public void A_reversed_window_or_a_negative_amount_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DoseLedger.Empty.DeliveredMg(Min(60), T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseLedger.Empty.WithBolus(T0, -1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => DoseLedger.Empty.WithPumpStatus(T0, running: true, -1m, 1m));
    }

    [Fact]
    public void Ledgers_compare_by_contents()
    {
        var a = DoseLedger.Empty.WithPumpStatus(T0, running: true, 10m, 1m).WithBolus(Min(5), 2m);
        var b = DoseLedger.Empty.WithPumpStatus(T0, running: true, 10m, 1m).WithBolus(Min(5), 2m);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b.WithBolus(Min(6), 1m));
    }
}
