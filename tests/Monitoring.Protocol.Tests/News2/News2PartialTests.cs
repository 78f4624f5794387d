using Monitoring.Protocol.Model;
using Monitoring.Protocol.News2;
using static Monitoring.Protocol.Tests.News2.News2Fixture;

namespace Monitoring.Protocol.Tests.News2;

/// <summary>
/// A missing parameter counts for nothing and makes the score partial; a stale one keeps its last value,
/// flagged stale, and makes the score partial (I7: a score never improves because its inputs aged).
/// </summary>
public class News2PartialTests
{
    [Fact]
    public void The_shipped_chart_goes_stale_after_60_minutes() =>
        Assert.Equal(TimeSpan.FromMinutes(60), P.StaleAfter);

    [Fact]
    public void One_missing_parameter_makes_it_partial_and_the_rest_still_sum()
    {
        // RR 22 (2) + pulse 95 (1), temperature never taken = 3, partial
        var score = Score(Well with { RespirationRate = Fresh(22m), Pulse = Fresh(95m), Temperature = null });

        Assert.True(score.Partial);
        Assert.Equal(3, score.Total);
        Assert.Equal([News2Parameter.Temperature], score.MissingOrStale);
        Assert.Equal(6, score.Components.Count);
        Assert.DoesNotContain(score.Components, c => c.Parameter == News2Parameter.Temperature);
    }

    [Fact]
    public void A_reading_61_minutes_old_is_stale_and_keeps_its_last_value()
    {
        // RR 25 scores 3; 61 min old, it still counts, flagged stale.
        var score = Score(Well with { RespirationRate = AgedBy(25m, TimeSpan.FromMinutes(61)) });

        Assert.True(score.Partial);
        Assert.Equal(3, score.Total);
        Assert.Equal([News2Parameter.RespirationRate], score.MissingOrStale);
        Assert.True(Component(score, News2Parameter.RespirationRate).Stale);
        Assert.Equal(News2Level.Medium, Level(score));
    }

    [Fact]
    public void A_reading_exactly_60_minutes_old_still_counts()
    {
        var score = Score(Well with { RespirationRate = AgedBy(25m, TimeSpan.FromMinutes(60)) });

        Assert.False(score.Partial);
        Assert.Equal(3, score.Total);
        Assert.Empty(score.MissingOrStale);
    }

    [Fact]
    public void A_reading_one_tick_past_60_minutes_is_stale()
    {
        var score = Score(Well with { Pulse = AgedBy(72m, TimeSpan.FromMinutes(60) + TimeSpan.FromTicks(1)) });

        Assert.True(score.Partial);
        Assert.Equal([News2Parameter.Pulse], score.MissingOrStale);
    }

    [Fact]
    public void Missing_and_stale_parameters_are_listed_in_chart_order()
    {
        var score = Score(Well with
        {
            Temperature = null,
            Spo2 = AgedBy(97m, TimeSpan.FromHours(2)),
            Consciousness = null,
        });

        Assert.Equal([News2Parameter.Spo2, News2Parameter.Consciousness, News2Parameter.Temperature], score.MissingOrStale);
    }

    [Fact]
    public void Nothing_observed_is_a_partial_zero()
    {
        var score = Score(new News2Observations());

        Assert.True(score.Partial);
        Assert.Equal(0, score.Total);
        Assert.Equal(0, score.HighestSingle);
        Assert.Empty(score.Components);
        Assert.Equal(Enum.GetValues<News2Parameter>(), score.MissingOrStale);
        Assert.Equal(News2Level.None, Level(score));
    }

    [Fact]
    public void A_partial_score_still_raises_on_what_is_present()
    {
        // Only consciousness known: C (3) = 3, red single parameter.
        var score = Score(new News2Observations(Consciousness: Fresh(Consciousness.C)));

        Assert.True(score.Partial);
        Assert.Equal(3, score.Total);
        Assert.Equal(News2Level.Medium, Level(score));
    }

    [Fact]
    public void A_stale_consciousness_keeps_its_red_score()
    {
        // U charted 90 min ago (3) still counts: the patient is not "alert" because nobody re-charted.
        var score = Score(Well with
        {
            RespirationRate = Fresh(22m),
            Consciousness = AgedBy(Consciousness.U, TimeSpan.FromMinutes(90)),
        });

        Assert.Equal(3, score.HighestSingle);
        Assert.True(score.Partial);
        Assert.Equal(News2Level.Medium, Level(score));
    }

    [Fact]
    public void Scale_2_with_unknown_oxygen_uses_the_on_air_bands_and_is_partial()
    {
        // SpO2 97: on air 0, on oxygen 3. Oxygen status unknown: on-air bands, partial.
        var score = Score(Well with { Spo2 = Fresh(97m), SupplementalOxygen = null }, spo2Scale2: true);

        Assert.Equal(0, Component(score, News2Parameter.Spo2).Score);
        Assert.True(score.Partial);
        Assert.Equal([News2Parameter.SupplementalOxygen], score.MissingOrStale);
    }

    [Fact]
    public void Scale_2_with_stale_oxygen_keeps_the_on_oxygen_bands_and_is_partial()
    {
        var score = Score(Well with { Spo2 = Fresh(97m), SupplementalOxygen = AgedBy(true, TimeSpan.FromMinutes(61)) }, spo2Scale2: true);

        Assert.Equal(3, Component(score, News2Parameter.Spo2).Score);
        Assert.Equal(5, score.Total); // SpO2 97 on oxygen (3) + oxygen (2)
        Assert.True(score.Partial);
        Assert.Equal([News2Parameter.SupplementalOxygen], score.MissingOrStale);
    }

    [Fact]
    public void A_fresh_reading_is_not_flagged_stale()
    {
        Assert.All(Score(Well).Components, c => Assert.False(c.Stale));
    }
}
