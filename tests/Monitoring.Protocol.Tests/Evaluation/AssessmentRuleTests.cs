using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// SEDATION (RASS &lt;= -3), SEDATION_DUE (RASS and pain within 1 h of a start, step or bolus, else within 4 h),
/// RESPONSE_REVIEW (96 h due, 192 h overdue) and NO_BENEFIT (24 h mean pain against the baseline of 7, or of
/// the baseline a test sets). The course starts at <see cref="Ward.Start"/> at 7 mL/h (0.1 mg/kg/h for 70 kg).
/// </summary>
public class AssessmentRuleTests
{
    // ---- SEDATION ----

    [Fact]
    public void Rass_minus_3_holds_high()
    {
        var ward = new Ward().Running(7.0m);

        ward.Rass(-3m);

        var condition = ward.Condition(RuleIds.Sedation);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("RASS -3", condition.Value);
    }

    [Fact]
    public void Rass_minus_2_does_not_hold()
    {
        var ward = new Ward().Running(7.0m);

        ward.Rass(-2m);

        Assert.False(ward.Holds(RuleIds.Sedation));
    }

    [Fact]
    public void A_lighter_rass_clears_sedation()
    {
        var ward = new Ward().Running(7.0m).Rass(-4m);

        ward.Advance(TimeSpan.FromMinutes(15)).Rass(-1m);

        Assert.False(ward.Holds(RuleIds.Sedation));
        Assert.Contains(RuleIds.Sedation, ward.Result.Cleared);
    }

    // ---- SEDATION_DUE ----

    [Fact]
    public void With_no_assessment_after_the_start_it_is_due_at_1_hour()
    {
        var ward = new Ward().Running(7.0m);

        At(ward, Minutes(59) + Seconds(59));
        Assert.False(ward.Holds(RuleIds.SedationDue));

        At(ward, Minutes(60));
        var condition = ward.Condition(RuleIds.SedationDue);
        Assert.Equal(AlertPriority.Low, condition.Priority);
        Assert.Equal("RASS and pain due since 09:00 UTC+0", condition.Value);
    }

    [Fact]
    public void The_due_time_reads_in_the_ward_s_zone_with_its_offset()
    {
        var tokyo = SeedProtocol.Parameters with { Ward = SeedProtocol.Parameters.Ward with { TimeZone = "Asia/Tokyo" } };
        var ward = new Ward(parameters: tokyo).Running(7.0m);

        At(ward, Minutes(60));

        // 09:00 UTC is 18:00 in Tokyo: the text a nurse reads is the ward's hour, never UTC unlabelled.
        Assert.Equal("RASS and pain due since 18:00 UTC+9", ward.Condition(RuleIds.SedationDue).Value);
    }

    [Fact]
    public void A_rass_alone_is_not_enough()
    {
        var ward = new Ward().Running(7.0m);
        At(ward, Minutes(30)).Rass(0m);

        At(ward, Minutes(60));

        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void A_pain_score_alone_is_not_enough()
    {
        var ward = new Ward().Running(7.0m);
        At(ward, Minutes(30)).Pain(3m);

        At(ward, Minutes(60));

        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void Both_recorded_within_the_hour_make_the_next_due_4_hours_later()
    {
        var ward = new Ward().Running(7.0m);
        At(ward, Minutes(30)).Assess();

        At(ward, Minutes(60));
        Assert.False(ward.Holds(RuleIds.SedationDue));

        At(ward, Minutes(270) - Seconds(1));
        Assert.False(ward.Holds(RuleIds.SedationDue));

        At(ward, Minutes(270));
        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void A_bolus_makes_an_assessment_due_within_the_hour_after_it()
    {
        var ward = new Ward().Running(7.0m);
        At(ward, Minutes(30)).Assess();
        At(ward, Minutes(120)).Bolus(5m);

        At(ward, Minutes(180) - Seconds(1));
        Assert.False(ward.Holds(RuleIds.SedationDue));

        At(ward, Minutes(180));
        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void A_rate_increase_makes_an_assessment_due_within_the_hour_after_it()
    {
        var ward = new Ward().Running(7.0m);
        At(ward, Minutes(30)).Assess();
        At(ward, Minutes(120)).Running(8.0m);

        At(ward, Minutes(180) - Seconds(1));
        Assert.False(ward.Holds(RuleIds.SedationDue));

        At(ward, Minutes(180));
        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void A_rate_decrease_is_not_a_step()
    {
        var ward = new Ward().Running(7.0m);
        At(ward, Minutes(30)).Assess();
        At(ward, Minutes(120)).Running(6.0m);

        At(ward, Minutes(180));

        Assert.False(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void An_assessment_after_a_bolus_clears_it()
    {
        var ward = new Ward().Running(7.0m);
        At(ward, Minutes(30)).Assess();
        At(ward, Minutes(120)).Bolus(5m);
        At(ward, Minutes(185));

        ward.Assess();

        Assert.False(ward.Holds(RuleIds.SedationDue));
        Assert.Contains(RuleIds.SedationDue, ward.Result.Cleared);
    }

    [Fact]
    public void A_bolus_late_in_the_routine_interval_does_not_postpone_the_routine_assessment()
    {
        // Assessed at 0:30, so the routine one is due at 4:30; a bolus at 4:00 asks for one by 5:00 as well.
        // The earlier of the two wins: a bolus must never make an assessment less urgent.
        var ward = new Ward().Running(7.0m);
        At(ward, Minutes(30)).Assess();
        At(ward, Minutes(240)).Bolus(5m);

        At(ward, Minutes(270));

        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void An_assessment_before_the_start_does_not_count_for_the_start()
    {
        var ward = new Ward().Assess();
        At(ward, Minutes(30)).Running(7.0m);

        At(ward, Minutes(90));

        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void An_assessment_before_the_start_does_not_shorten_the_first_hour()
    {
        var ward = new Ward().Assess();
        At(ward, Minutes(230)).Running(7.0m); // 3 h 50 min after that assessment

        At(ward, Minutes(289));

        Assert.False(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void It_does_not_hold_while_the_pump_is_paused()
    {
        var ward = new Ward().Running(7.0m);
        At(ward, Minutes(10)).Pump(PumpState.Paused, 7.0m);

        At(ward, Minutes(120));

        Assert.False(ward.Holds(RuleIds.SedationDue));
    }

    // ---- RESPONSE_REVIEW ----

    [Fact]
    public void The_review_is_due_at_96_hours_low()
    {
        var ward = new Ward().Running(7.0m);

        At(ward, Hours(96) - Seconds(1));
        Assert.False(ward.Holds(RuleIds.ResponseReview));

        At(ward, Hours(96));
        var condition = ward.Condition(RuleIds.ResponseReview);
        Assert.Equal(AlertPriority.Low, condition.Priority);
        Assert.StartsWith("due", condition.Value, StringComparison.Ordinal);
        Assert.Contains(RuleIds.ResponseReview, ward.Result.Raised.Select(c => c.RuleId));
    }

    [Fact]
    public void The_review_is_overdue_at_192_hours_medium()
    {
        var ward = new Ward().Running(7.0m);

        At(ward, Hours(192) - Seconds(1));
        Assert.Equal(AlertPriority.Low, ward.Condition(RuleIds.ResponseReview).Priority);

        At(ward, Hours(192));
        var condition = ward.Condition(RuleIds.ResponseReview);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.StartsWith("overdue", condition.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_review_resolves_it()
    {
        var ward = new Ward().Running(7.0m);
        At(ward, Hours(100));

        Review(ward, benefit: true);

        Assert.False(ward.Holds(RuleIds.ResponseReview));
        Assert.Contains(RuleIds.ResponseReview, ward.Result.Cleared);

        At(ward, Hours(200));
        Assert.False(ward.Holds(RuleIds.ResponseReview));
    }

    [Fact]
    public void Without_a_course_there_is_no_review()
    {
        var ward = new Ward();

        At(ward, Hours(200));

        Assert.False(ward.Holds(RuleIds.ResponseReview));
    }

    // ---- NO_BENEFIT ----

    [Fact]
    public void A_review_with_pain_barely_lower_than_baseline_holds_medium()
    {
        var ward = CourseAt(Hours(100));
        ward.Pain(6m).Advance(TimeSpan.FromHours(4)).Pain(6m);

        Review(ward, benefit: false);

        var condition = ward.Condition(RuleIds.NoBenefit);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("mean pain 6 against baseline 7", condition.Value);
    }

    [Fact]
    public void A_2_point_fall_passes()
    {
        var ward = CourseAt(Hours(100)); // baseline 7: a fall of 2 is only 28.6 %
        ward.Pain(4m).Advance(TimeSpan.FromHours(4)).Pain(6m);

        Review(ward, benefit: true);

        Assert.False(ward.Holds(RuleIds.NoBenefit));
    }

    [Fact]
    public void A_fall_just_short_of_2_points_and_30_percent_holds()
    {
        var ward = CourseAt(Hours(100)).Admit(s => s with { BaselinePain = 6.9m }); // 1.9 points, 27.5 %
        ward.Pain(4m).Advance(TimeSpan.FromHours(4)).Pain(6m);

        Review(ward, benefit: true);

        Assert.Equal("mean pain 5 against baseline 6.9", ward.Condition(RuleIds.NoBenefit).Value);
    }

    [Fact]
    public void A_30_percent_fall_passes()
    {
        var ward = CourseAt(Hours(100)).Admit(s => s with { BaselinePain = 5m }); // 1.5 points, 30 %
        ward.Pain(3m).Advance(TimeSpan.FromHours(4)).Pain(4m);

        Review(ward, benefit: true);

        Assert.False(ward.Holds(RuleIds.NoBenefit));
    }

    [Fact]
    public void A_fall_just_short_of_30_percent_and_2_points_holds()
    {
        var ward = CourseAt(Hours(100)).Admit(s => s with { BaselinePain = 5m }); // 1.4 points, 28 %
        ward.Pain(3m).Advance(TimeSpan.FromHours(4)).Pain(4.2m);

        Review(ward, benefit: true);

        Assert.True(ward.Holds(RuleIds.NoBenefit));
    }

    [Fact]
    public void The_finding_ignores_the_reviewers_verdict()
    {
        var ward = CourseAt(Hours(100));
        ward.Pain(7m);

        Review(ward, benefit: true);

        Assert.True(ward.Holds(RuleIds.NoBenefit));
        Assert.True(ward.State.Course.ReviewBenefit);
    }

    [Fact]
    public void No_pain_data_in_the_24_hours_holds_as_cannot_be_judged()
    {
        var ward = CourseAt(Hours(100));
        ward.Pain(1m); // a good score, but 25 h before the review

        ward.Advance(TimeSpan.FromHours(25));
        Review(ward, benefit: true);

        var condition = ward.Condition(RuleIds.NoBenefit);
        Assert.EndsWith("cannot be judged", condition.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void No_baseline_holds_as_cannot_be_judged()
    {
        var ward = CourseAt(Hours(100)).Admit(s => s with { BaselinePain = null });
        ward.Pain(1m);

        Review(ward, benefit: true);

        Assert.EndsWith("cannot be judged", ward.Condition(RuleIds.NoBenefit).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void At_192_hours_without_a_review_no_benefit_is_judged_from_the_pain_data()
    {
        var ward = CourseAt(Hours(180));
        ward.Pain(6m);

        At(ward, Hours(192) - Seconds(1));
        Assert.False(ward.Holds(RuleIds.NoBenefit));

        At(ward, Hours(192));
        Assert.Equal("mean pain 6 against baseline 7", ward.Condition(RuleIds.NoBenefit).Value);
    }

    [Fact]
    public void At_192_hours_without_a_review_a_benefit_raises_nothing()
    {
        var ward = CourseAt(Hours(180));
        ward.Pain(3m);

        At(ward, Hours(192));

        Assert.False(ward.Holds(RuleIds.NoBenefit));
        Assert.True(ward.Holds(RuleIds.ResponseReview));
    }

    [Fact]
    public void At_192_hours_without_any_pain_data_no_benefit_holds_as_cannot_be_judged()
    {
        var ward = CourseAt(Hours(100));

        At(ward, Hours(192));

        Assert.EndsWith("cannot be judged", ward.Condition(RuleIds.NoBenefit).Value, StringComparison.Ordinal);
    }

    /// <summary>A course started at <see cref="Ward.Start"/>, the clock moved to <paramref name="sinceStart"/>.</summary>
    private static Ward CourseAt(TimeSpan sinceStart) => At(new Ward().Running(7.0m), sinceStart);

    private static Ward At(Ward ward, TimeSpan sinceStart) => ward.Advance(Ward.Start + sinceStart - ward.Now);

    private static Ward Review(Ward ward, bool benefit) => ward.Apply(ward.Engine.RecordReview(ward.State, benefit, ward.Context));

    private static TimeSpan Seconds(int n) => TimeSpan.FromSeconds(n);

    private static TimeSpan Minutes(int n) => TimeSpan.FromMinutes(n);

    private static TimeSpan Hours(int n) => TimeSpan.FromHours(n);
}
