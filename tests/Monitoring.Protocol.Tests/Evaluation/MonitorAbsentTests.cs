using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// Course invariant I3: while ketamine goes in, every monitored parameter (rhythm, SpO2, RR, BP, HR) is fresh or an
/// open alert says it is not. MONITOR_ABSENT covers no monitor at all (never associated, or released);
/// PARAMETER_MISSING covers each parameter of a monitor that still reports, rhythm and blood pressure included.
/// </summary>
public class MonitorAbsentTests
{
    private static readonly TimeSpan Reporting = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    private static Ward PumpOnly()
    {
        var ward = new Ward(associateDevices: false);
        return ward.Apply(ward.Engine.AssociatePump(ward.State, "P1", ward.Context));
    }

    [Fact]
    public void Ketamine_running_with_no_monitor_ever_associated_raises_monitor_absent()
    {
        var ward = PumpOnly();

        ward.Running(7.0m);

        var condition = ward.Condition(RuleIds.MonitorAbsent);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("no monitor associated", condition.Value);
        Assert.Equal(AlertKind.Technical, SeedProtocol.Parameters.Rule(RuleIds.MonitorAbsent).Kind);
    }

    [Fact]
    public void Releasing_the_monitor_while_ketamine_runs_raises_monitor_absent()
    {
        var ward = new Ward().Vitals().Running(7.0m);
        Assert.False(ward.Holds(RuleIds.MonitorAbsent));

        ward.Apply(ward.Engine.ReleaseDevice(ward.State, "M1", ward.Context));

        Assert.True(ward.Holds(RuleIds.MonitorAbsent));
    }

    [Fact]
    public void A_bolus_going_in_with_no_monitor_raises_monitor_absent()
    {
        var ward = PumpOnly();

        ward.Pump(PumpState.Bolus, 50m);

        Assert.True(ward.Holds(RuleIds.MonitorAbsent));
    }

    [Fact]
    public void No_monitor_while_the_pump_is_paused_is_not_an_alert()
    {
        var ward = PumpOnly().Running(7.0m);

        ward.Pump(PumpState.Paused, 7.0m);

        Assert.False(ward.Holds(RuleIds.MonitorAbsent));
    }

    [Fact]
    public void Associating_a_monitor_clears_monitor_absent()
    {
        var ward = PumpOnly().Running(7.0m);

        ward.Apply(ward.Engine.AssociateMonitor(ward.State, "M1", ward.Context));

        Assert.False(ward.Holds(RuleIds.MonitorAbsent));
        Assert.Contains(RuleIds.MonitorAbsent, ward.Result.Cleared);
    }

    [Fact]
    public void Comfort_care_mutes_monitor_absent_like_the_other_monitor_rules()
    {
        var ward = PumpOnly().Running(7.0m);

        ward.Apply(ward.Engine.SetComfortCare(ward.State, true, ward.Context));

        Assert.False(ward.Holds(RuleIds.MonitorAbsent));
    }

    [Fact]
    public void A_rhythm_absent_for_more_than_60_seconds_is_a_missing_parameter()
    {
        var ward = new Ward().Vitals();
        ward.Keep(TimeSpan.FromSeconds(60), w => w.Vitals(rhythm: null));
        Assert.False(ward.Holds(RuleIds.ParameterMissing));

        ward.Advance(OneTick);

        Assert.Equal("rhythm absent", ward.Condition(RuleIds.ParameterMissing).Value);
    }

    [Fact]
    public void A_blood_pressure_is_missing_only_after_the_news2_staleness_window()
    {
        var ward = new Ward().Vitals();
        ward.Keep(TimeSpan.FromMinutes(60), w => w.Vitals(systolic: null, diastolic: null));
        Assert.False(ward.Holds(RuleIds.ParameterMissing));

        ward.Advance(OneTick);

        Assert.Equal("BP absent", ward.Condition(RuleIds.ParameterMissing).Value);
    }

    [Fact]
    public void A_new_cuff_pressure_clears_the_missing_blood_pressure()
    {
        var ward = new Ward().Vitals();
        ward.Keep(TimeSpan.FromMinutes(61), w => w.Vitals(systolic: null, diastolic: null));
        Assert.True(ward.Holds(RuleIds.ParameterMissing));

        ward.Advance(Reporting).Vitals();

        Assert.False(ward.Holds(RuleIds.ParameterMissing));
    }
}
