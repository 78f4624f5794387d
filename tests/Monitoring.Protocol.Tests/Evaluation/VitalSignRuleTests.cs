using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// SPO2, RESP_RATE and HEART_RATE (each after its 30 s condition delay), BLOOD_PRESSURE, ARRHYTHMIA and NEWS2,
/// through the engine with the monitor reporting every 10 s so that comms loss never interferes.
/// </summary>
public class VitalSignRuleTests
{
    private static readonly TimeSpan Reporting = TimeSpan.FromSeconds(10);

    // ---- SPO2 ----

    [Fact]
    public void Spo2_below_90_for_30_seconds_holds_high()
    {
        var ward = new Ward().Vitals(spo2: 89m);

        ward.Keep(TimeSpan.FromSeconds(30), w => w.Vitals(spo2: 89m));

        var condition = ward.Condition(RuleIds.Spo2);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("SpO2 89 %", condition.Value);
        Assert.Equal(0, condition.Band);
    }

    [Fact]
    public void Spo2_below_90_for_29_seconds_does_not_hold()
    {
        var ward = new Ward().Vitals(spo2: 89m);

        ward.Keep(TimeSpan.FromSeconds(29), w => w.Vitals(spo2: 89m));

        Assert.False(ward.Holds(RuleIds.Spo2));
    }

    [Fact]
    public void Spo2_low_for_29_seconds_holds_on_the_next_second()
    {
        var ward = new Ward().Vitals(spo2: 89m);
        ward.Keep(TimeSpan.FromSeconds(29), w => w.Vitals(spo2: 89m));

        ward.Advance(TimeSpan.FromSeconds(1));

        Assert.True(ward.Holds(RuleIds.Spo2));
    }

    [Fact]
    public void A_brief_dip_that_recovers_before_30_seconds_never_alarms()
    {
        var ward = new Ward().Vitals(spo2: 85m);
        var raised = new List<string>();

        foreach (var (after, spo2) in new[] { (10, 85m), (10, 86m), (9, 97m), (1, 97m), (10, 97m), (30, 97m) })
        {
            ward.Advance(TimeSpan.FromSeconds(after)).Vitals(spo2: spo2);
            raised.AddRange(ward.Result.Raised.Select(c => c.RuleId));
            Assert.False(ward.Holds(RuleIds.Spo2));
        }

        Assert.DoesNotContain(RuleIds.Spo2, raised);
    }

    [Fact]
    public void A_recovery_restarts_the_delay()
    {
        var ward = new Ward().Vitals(spo2: 85m);
        ward.Keep(TimeSpan.FromSeconds(20), w => w.Vitals(spo2: 85m));
        ward.Advance(Reporting).Vitals(spo2: 96m);

        ward.Advance(Reporting).Vitals(spo2: 85m);
        ward.Keep(TimeSpan.FromSeconds(20), w => w.Vitals(spo2: 85m));

        Assert.False(ward.Holds(RuleIds.Spo2));
    }

    [Fact]
    public void Spo2_of_exactly_90_passes()
    {
        var ward = new Ward().Vitals(spo2: 90m);

        ward.Keep(TimeSpan.FromMinutes(2), w => w.Vitals(spo2: 90m));

        Assert.False(ward.Holds(RuleIds.Spo2));
    }

    [Theory]
    [InlineData(87, true)]
    [InlineData(88, false)]
    [InlineData(89, false)]
    public void On_scale_2_the_spo2_limit_is_88(int spo2, bool holds)
    {
        var ward = new Ward().Admit(s => s with { Flags = s.Flags with { Spo2Scale2 = true } }).Vitals(spo2: spo2);

        ward.Keep(TimeSpan.FromSeconds(30), w => w.Vitals(spo2: spo2));

        Assert.Equal(holds, ward.Holds(RuleIds.Spo2));
    }

    [Theory]
    [InlineData(85, 0)]
    [InlineData(84, 1)]
    public void Below_85_is_the_worse_band(int spo2, int band)
    {
        var ward = new Ward().Vitals(spo2: spo2);

        ward.Keep(TimeSpan.FromSeconds(30), w => w.Vitals(spo2: spo2));

        Assert.Equal(band, ward.Condition(RuleIds.Spo2).Band);
    }

    [Fact]
    public void A_fall_into_the_worse_band_keeps_the_onset_and_raises_the_band()
    {
        var ward = new Ward().Vitals(spo2: 88m);
        ward.Keep(TimeSpan.FromSeconds(30), w => w.Vitals(spo2: 88m));

        ward.Advance(Reporting).Vitals(spo2: 83m);

        var condition = ward.Condition(RuleIds.Spo2);
        Assert.Equal(1, condition.Band);
        Assert.Equal("SpO2 83 %", condition.Value);
    }

    [Fact]
    public void On_scale_2_below_85_is_still_the_worse_band()
    {
        var ward = new Ward().Admit(s => s with { Flags = s.Flags with { Spo2Scale2 = true } }).Vitals(spo2: 84m);

        ward.Keep(TimeSpan.FromSeconds(30), w => w.Vitals(spo2: 84m));

        Assert.Equal(1, ward.Condition(RuleIds.Spo2).Band);
    }

    // ---- RESP_RATE ----

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void Resp_rate_below_8_or_above_30_for_30_seconds_holds_high(int rr, bool holds)
    {
        var ward = new Ward().Vitals(rr: rr);

        ward.Keep(TimeSpan.FromSeconds(30), w => w.Vitals(rr: rr));

        Assert.Equal(holds, ward.Holds(RuleIds.RespRate));
        if (holds)
        {
            Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.RespRate).Priority);
            Assert.Equal($"RR {rr} /min", ward.Condition(RuleIds.RespRate).Value);
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(31)]
    public void Resp_rate_out_of_range_for_29_seconds_does_not_hold(int rr)
    {
        var ward = new Ward().Vitals(rr: rr);

        ward.Keep(TimeSpan.FromSeconds(29), w => w.Vitals(rr: rr));

        Assert.False(ward.Holds(RuleIds.RespRate));
    }

    // ---- HEART_RATE ----

    [Theory]
    [InlineData(39, true)]
    [InlineData(40, false)]
    [InlineData(130, false)]
    [InlineData(131, true)]
    public void Heart_rate_below_40_or_above_130_for_30_seconds_holds_medium(int hr, bool holds)
    {
        var ward = new Ward().Vitals(hr: hr);

        ward.Keep(TimeSpan.FromSeconds(30), w => w.Vitals(hr: hr));

        Assert.Equal(holds, ward.Holds(RuleIds.HeartRate));
        if (holds)
        {
            Assert.Equal(AlertPriority.Medium, ward.Condition(RuleIds.HeartRate).Priority);
            Assert.Equal($"HR {hr} /min", ward.Condition(RuleIds.HeartRate).Value);
        }
    }

    [Theory]
    [InlineData(39)]
    [InlineData(131)]
    public void Heart_rate_out_of_range_for_29_seconds_does_not_hold(int hr)
    {
        var ward = new Ward().Vitals(hr: hr);

        ward.Keep(TimeSpan.FromSeconds(29), w => w.Vitals(hr: hr));

        Assert.False(ward.Holds(RuleIds.HeartRate));
    }

    // ---- BLOOD_PRESSURE ----

    [Theory]
    [InlineData(180, true)]
    [InlineData(179, false)]
    [InlineData(90, false)]
    [InlineData(89, true)]
    public void Systolic_at_or_above_180_or_below_90_holds_medium_at_once(int systolic, bool holds)
    {
        var ward = new Ward();

        ward.Vitals(systolic: systolic);

        Assert.Equal(holds, ward.Holds(RuleIds.BloodPressure));
        if (holds)
        {
            Assert.Equal(AlertPriority.Medium, ward.Condition(RuleIds.BloodPressure).Priority);
            Assert.Equal($"systolic {systolic} mmHg", ward.Condition(RuleIds.BloodPressure).Value);
        }
    }

    [Fact]
    public void A_normal_systolic_clears_blood_pressure()
    {
        var ward = new Ward().Vitals(systolic: 185m);

        ward.Advance(Reporting).Vitals(systolic: 150m);

        Assert.False(ward.Holds(RuleIds.BloodPressure));
        Assert.Contains(RuleIds.BloodPressure, ward.Result.Cleared);
    }

    // ---- ARRHYTHMIA ----

    [Theory]
    [InlineData(Rhythm.Vt)]
    [InlineData(Rhythm.Vf)]
    [InlineData(Rhythm.Asystole)]
    public void Vt_vf_or_asystole_is_high(Rhythm rhythm)
    {
        var ward = new Ward();

        ward.Vitals(rhythm: rhythm);

        var condition = ward.Condition(RuleIds.Arrhythmia);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.StartsWith(rhythm.ToString().ToUpperInvariant(), condition.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Vt_is_high_even_in_a_patient_whose_baseline_is_af()
    {
        var ward = new Ward().Admit(s => s with { Flags = s.Flags with { BaselineRhythm = Rhythm.Af } });

        ward.Vitals(rhythm: Rhythm.Vt);

        Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.Arrhythmia).Priority);
    }

    [Fact]
    public void Af_with_a_recorded_sinus_baseline_is_medium()
    {
        var ward = new Ward().Admit(s => s with { Flags = s.Flags with { BaselineRhythm = Rhythm.Sinus } });

        ward.Vitals(rhythm: Rhythm.Af);

        var condition = ward.Condition(RuleIds.Arrhythmia);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("AF (baseline sinus)", condition.Value);
    }

    [Fact]
    public void Af_with_no_recorded_baseline_is_judged_against_sinus()
    {
        var ward = new Ward();

        ward.Vitals(rhythm: Rhythm.Af);

        Assert.Equal(AlertPriority.Medium, ward.Condition(RuleIds.Arrhythmia).Priority);
    }

    [Fact]
    public void Af_in_a_patient_whose_baseline_is_af_raises_nothing()
    {
        var ward = new Ward().Admit(s => s with { Flags = s.Flags with { BaselineRhythm = Rhythm.Af } });

        ward.Vitals(rhythm: Rhythm.Af);
        ward.Keep(TimeSpan.FromMinutes(2), w => w.Vitals(rhythm: Rhythm.Af));

        Assert.False(ward.Holds(RuleIds.Arrhythmia));
    }

    [Fact]
    public void Sinus_with_a_sinus_baseline_raises_nothing()
    {
        var ward = new Ward();

        ward.Vitals(rhythm: Rhythm.Sinus);

        Assert.False(ward.Holds(RuleIds.Arrhythmia));
    }

    // ---- NEWS2 (oxygen and consciousness charted, so the score is complete unless a test says otherwise) ----

    [Fact]
    public void News2_aggregate_4_with_no_parameter_at_3_does_not_hold()
    {
        var ward = Charted(new Ward());

        ward.Vitals(rr: 22m, spo2: 94m, hr: 105m); // 2 + 1 + 1

        Assert.False(ward.Holds(RuleIds.News2));
    }

    [Fact]
    public void News2_aggregate_5_holds_medium()
    {
        var ward = Charted(new Ward());

        ward.Vitals(rr: 22m, spo2: 94m, hr: 105m, temperature: 38.5m); // 2 + 1 + 1 + 1

        var condition = ward.Condition(RuleIds.News2);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("NEWS2 5", condition.Value);
    }

    [Fact]
    public void News2_aggregate_6_holds_medium()
    {
        var ward = Charted(new Ward());

        ward.Vitals(rr: 22m, spo2: 92m, hr: 115m); // 2 + 2 + 2

        Assert.Equal(AlertPriority.Medium, ward.Condition(RuleIds.News2).Priority);
        Assert.Equal("NEWS2 6", ward.Condition(RuleIds.News2).Value);
    }

    [Fact]
    public void News2_aggregate_7_holds_high()
    {
        var ward = Charted(new Ward());

        ward.Vitals(rr: 22m, spo2: 92m, hr: 115m, temperature: 38.5m); // 2 + 2 + 2 + 1

        Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.News2).Priority);
        Assert.Equal("NEWS2 7", ward.Condition(RuleIds.News2).Value);
    }

    [Fact]
    public void A_single_parameter_scoring_3_holds_medium_on_a_low_aggregate()
    {
        var ward = Charted(new Ward()).Vitals();

        ward.Observe(ObservationKind.Consciousness, level: Consciousness.V);

        var condition = ward.Condition(RuleIds.News2);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("NEWS2 3", condition.Value);
    }

    [Fact]
    public void A_highest_single_score_of_2_on_a_low_aggregate_does_not_hold()
    {
        var ward = Charted(new Ward());

        ward.Vitals(rr: 22m); // 2

        Assert.False(ward.Holds(RuleIds.News2));
    }

    [Fact]
    public void A_missing_parameter_shows_the_score_as_partial()
    {
        var ward = new Ward(); // neither oxygen nor consciousness charted

        ward.Vitals(rr: 22m, spo2: 94m, hr: 105m, temperature: 38.5m);

        Assert.Equal("NEWS2 5 (partial)", ward.Condition(RuleIds.News2).Value);
    }

    [Fact]
    public void A_parameter_older_than_an_hour_makes_the_score_partial()
    {
        var ward = Charted(new Ward());
        ward.Vitals(rr: 22m, spo2: 94m, hr: 105m, temperature: 38.5m);

        ward.Advance(TimeSpan.FromMinutes(61)).Vitals(rr: 22m, spo2: 94m, hr: 105m, temperature: 38.5m);

        Assert.Equal("NEWS2 5 (partial; stale: air or oxygen, consciousness)", ward.Condition(RuleIds.News2).Value); // kept, stale (I7)
    }

    /// <summary>Charts air and alert, so a NEWS2 score counts all seven parameters.</summary>
    private static Ward Charted(Ward ward) =>
        ward.Observe(ObservationKind.Oxygen, flag: false).Observe(ObservationKind.Consciousness, level: Consciousness.A);
}
