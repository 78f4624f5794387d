using CsCheck;
using Monitoring.Protocol.Dosing;

namespace Monitoring.Protocol.Tests.Dosing;

public class DoseLedgerPropertyTests
{
    // One thread: starting CsCheck's parallel workers next to xUnit's own costs about a second;
    // the samples themselves take milliseconds.
    private const int Threads = 1;

    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// One event after a gap in seconds: a pump status (running or not, rate, concentration) or a bolus.
    /// </summary>
    private sealed record Event(int GapSeconds, int Kind, decimal Rate, decimal Conc, decimal DoseMg);

    private static readonly Gen<Event> OneEvent =
        Gen.Select(
            Gen.Int[0, 7200],
            Gen.Int[0, 2],
            Gen.Int[0, 12000].Select(i => new decimal(i, 0, 0, false, 1)),
            Gen.Int[10, 10000].Select(i => new decimal(i, 0, 0, false, 2)),
            Gen.Int[0, 5000].Select(i => new decimal(i, 0, 0, false, 1)))
        .Select((gap, kind, rate, conc, dose) => new Event(gap, kind, rate, conc, dose));

    private static readonly Gen<(DoseLedger Ledger, long SpanTicks)> History =
        OneEvent.Array[0, 30].Select(events =>
        {
            var ledger = DoseLedger.Empty;
            var at = T0;
            foreach (var e in events)
            {
                at = at.AddSeconds(e.GapSeconds);
                ledger = e.Kind == 2
                    ? ledger.WithBolus(at, e.DoseMg)
                    : ledger.WithPumpStatus(at, running: e.Kind == 1, e.Rate, e.Conc);
            }

            return (ledger, (at - T0).Ticks);
        });

    /// <summary>Three ordered instants spread over (and a little beyond) the history.</summary>
    private static readonly Gen<(DoseLedger Ledger, DateTimeOffset A, DateTimeOffset B, DateTimeOffset C)> Windows =
        History.SelectMany(h =>
        {
            var span = Math.Max(h.SpanTicks, TimeSpan.TicksPerHour) * 2;
            return Gen.Long[-TimeSpan.TicksPerHour, span].Array[3].Select(ticks =>
            {
                Array.Sort(ticks);
                return (h.Ledger, T0.AddTicks(ticks[0]), T0.AddTicks(ticks[1]), T0.AddTicks(ticks[2]));
            });
        });

    [Fact]
    public void Delivered_dose_is_additive_over_adjacent_windows_and_never_negative()
    {
        Windows.Sample((ledger, a, b, c) =>
        {
            var first = ledger.DeliveredMg(a, b);
            var second = ledger.DeliveredMg(b, c);
            var whole = ledger.DeliveredMg(a, c);

            Assert.True(first >= 0m && second >= 0m);

            // Each piece is one decimal division by ticks-per-hour; allow its last-digit rounding.
            Assert.True(Math.Abs(first + second - whole) <= 1e-18m, $"{first} + {second} vs {whole}");
            Assert.Equal(ledger.BolusMg(a, b) + ledger.BolusMg(b, c), ledger.BolusMg(a, c));
            Assert.Equal(ledger.InfusionMg(a, c) + ledger.BolusMg(a, c), whole);
        }, iter: 2000, threads: Threads);
    }

    [Fact]
    public void Pruning_keeps_every_window_that_starts_at_or_after_the_cutoff()
    {
        Windows.Sample((ledger, cutoff, from, to) =>
        {
            var pruned = ledger.PrunedBefore(cutoff);

            Assert.Equal(ledger.DeliveredMg(from, to), pruned.DeliveredMg(from, to));
            Assert.Equal(ledger.DeliveredMg(cutoff, to), pruned.DeliveredMg(cutoff, to));
            Assert.All(pruned.Segments, s => Assert.True(s.Start >= cutoff));
            Assert.All(pruned.Boluses, b => Assert.True(b.At > cutoff));
        }, iter: 2000, threads: Threads);
    }

    [Fact]
    public void Segments_stay_ordered_and_disjoint_with_at_most_the_last_open()
    {
        History.Sample((ledger, _) =>
        {
            for (var i = 0; i < ledger.Segments.Count; i++)
            {
                var s = ledger.Segments[i];
                if (s.IsOpen)
                {
                    Assert.Equal(ledger.Segments.Count - 1, i);
                }

                Assert.True(s.End is null || s.End > s.Start);
                if (i > 0)
                {
                    Assert.True(ledger.Segments[i - 1].End <= s.Start);
                }
            }
        }, iter: 2000, threads: Threads);
    }

    [Fact]
    public void A_status_older_than_the_last_leaves_the_ledger_unchanged()
    {
        Gen.Select(History, Gen.Int[1, 100000], Gen.Bool).Sample((history, secondsEarlier, running) =>
        {
            var (ledger, _) = history;
            if (ledger.LastStatusAt is not { } last)
            {
                return;
            }

            Assert.Equal(ledger, ledger.WithPumpStatus(last.AddSeconds(-secondsEarlier), running, 5m, 1m));
        }, iter: 2000, threads: Threads);
    }
}
