using Monitoring.Protocol.Model;
using Monitoring.Protocol.News2;
using static Monitoring.Protocol.Tests.News2.News2Fixture;

namespace Monitoring.Protocol.Tests.News2;

/// <summary>Whole patients scored by hand from the RCP NEWS2 (2017) chart, and the response level each gets.</summary>
public class News2WorkedExampleTests
{
    private static News2Observations Patient(decimal rr, decimal spo2, bool oxygen, decimal systolic, decimal pulse, Consciousness acvpu, decimal temp) =>
        new(Fresh(rr), Fresh(spo2), Fresh(oxygen), Fresh(systolic), Fresh(pulse), Fresh(acvpu), Fresh(temp));

    [Fact]
    public void A_well_patient_scores_0()
    {
        // RR 16 (0) + SpO2 97 (0) + air (0) + BP 125 (0) + pulse 72 (0) + A (0) + 37.0 (0) = 0
        var score = Score(Patient(16m, 97m, false, 125m, 72m, Consciousness.A, 37.0m));

        Assert.Equal(0, score.Total);
        Assert.Equal(0, score.HighestSingle);
        Assert.False(score.Partial);
        Assert.Empty(score.MissingOrStale);
        Assert.Equal(7, score.Components.Count);
        Assert.Equal(News2Level.None, Level(score));
    }

    [Fact]
    public void An_unwell_patient_on_oxygen_scores_10_high()
    {
        // RR 24 (2) + SpO2 93 (2) + oxygen (2) + BP 105 (1) + pulse 115 (2) + A (0) + 38.4 (1) = 10
        var score = Score(Patient(24m, 93m, true, 105m, 115m, Consciousness.A, 38.4m));

        Assert.Equal(10, score.Total);
        Assert.Equal(2, score.HighestSingle);
        Assert.Equal([2, 2, 2, 1, 2, 0, 1], score.Components.Select(c => c.Score));
        Assert.Equal(News2Level.High, Level(score));
    }

    [Fact]
    public void New_confusion_alone_is_a_red_score_3_medium()
    {
        // RR 16 (0) + SpO2 97 (0) + air (0) + BP 125 (0) + pulse 72 (0) + C (3) + 37.0 (0) = 3, one parameter at 3
        var score = Score(Patient(16m, 97m, false, 125m, 72m, Consciousness.C, 37.0m));

        Assert.Equal(3, score.Total);
        Assert.Equal(3, score.HighestSingle);
        Assert.Equal(News2Level.Medium, Level(score));
    }

    [Fact]
    public void A_single_red_respiration_rate_is_medium()
    {
        // RR 7 (3), everything else 0 = 3
        var score = Score(Patient(7m, 97m, false, 125m, 72m, Consciousness.A, 37.0m));

        Assert.Equal(3, score.Total);
        Assert.Equal(News2Level.Medium, Level(score));
    }

    [Fact]
    public void Aggregate_4_without_a_red_score_is_none()
    {
        // RR 22 (2) + SpO2 97 (0) + air (0) + BP 125 (0) + pulse 95 (1) + A (0) + 38.5 (1) = 4
        var score = Score(Patient(22m, 97m, false, 125m, 95m, Consciousness.A, 38.5m));

        Assert.Equal(4, score.Total);
        Assert.Equal(2, score.HighestSingle);
        Assert.Equal(News2Level.None, Level(score));
    }

    [Fact]
    public void Aggregate_5_is_medium()
    {
        // RR 22 (2) + SpO2 95 (1) + air (0) + BP 105 (1) + pulse 95 (1) + A (0) + 37.0 (0) = 5
        var score = Score(Patient(22m, 95m, false, 105m, 95m, Consciousness.A, 37.0m));

        Assert.Equal(5, score.Total);
        Assert.Equal(2, score.HighestSingle);
        Assert.Equal(News2Level.Medium, Level(score));
    }

    [Fact]
    public void Aggregate_6_is_medium()
    {
        // RR 22 (2) + SpO2 94 (1) + air (0) + BP 105 (1) + pulse 105 (1) + A (0) + 38.5 (1) = 6
        var score = Score(Patient(22m, 94m, false, 105m, 105m, Consciousness.A, 38.5m));

        Assert.Equal(6, score.Total);
        Assert.Equal(News2Level.Medium, Level(score));
    }

    [Fact]
    public void Aggregate_7_is_high()
    {
        // RR 22 (2) + SpO2 92 (2) + oxygen (2) + BP 108 (1) + pulse 88 (0) + A (0) + 36.5 (0) = 7
        var score = Score(Patient(22m, 92m, true, 108m, 88m, Consciousness.A, 36.5m));

        Assert.Equal(7, score.Total);
        Assert.Equal(2, score.HighestSingle);
        Assert.Equal(News2Level.High, Level(score));
    }

    [Fact]
    public void Red_scores_that_add_up_to_7_are_high()
    {
        // RR 26 (3) + SpO2 97 (0) + air (0) + BP 125 (0) + pulse 95 (1) + V (3) + 37.0 (0) = 7
        var score = Score(Patient(26m, 97m, false, 125m, 95m, Consciousness.V, 37.0m));

        Assert.Equal(7, score.Total);
        Assert.Equal(3, score.HighestSingle);
        Assert.Equal(News2Level.High, Level(score));
    }

    [Fact]
    public void A_scale_2_patient_at_88_percent_on_air_scores_0()
    {
        // Scale 2 (hypercapnic respiratory failure): SpO2 88 on air (0), everything else 0 = 0.
        // On scale 1 the same 88 would be 3.
        var observations = Patient(16m, 88m, false, 125m, 72m, Consciousness.A, 37.0m);

        Assert.Equal(0, Score(observations, spo2Scale2: true).Total);
        Assert.Equal(3, Score(observations, spo2Scale2: false).Total);
    }

    [Fact]
    public void A_scale_2_patient_over_oxygenated_scores_5_medium()
    {
        // Scale 2: SpO2 98 on oxygen (3) + oxygen (2), everything else 0 = 5
        var score = Score(Patient(16m, 98m, true, 125m, 72m, Consciousness.A, 37.0m), spo2Scale2: true);

        Assert.Equal(5, score.Total);
        Assert.Equal(3, score.HighestSingle);
        Assert.Equal(News2Level.Medium, Level(score));
    }
}
