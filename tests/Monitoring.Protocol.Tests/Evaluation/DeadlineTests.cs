using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// <see cref="Monitoring.Protocol.Evaluation.EngineResult.NextDeadline"/> (the DeadlinePlanner): the next moment a
/// time-based rule may change with no new reading. Ticking at it must find the change; a deadline already
/// passed is never returned.
/// </summary>
public class DeadlineTests
{
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    [Fact]
    public void After_a_pump_status_the_next_deadline_is_when_the_pump_would_be_lost()
    {
        var ward = new Ward().Running(7.0m);
        var lostAfter = ward.Now + SeedProtocol.Parameters.Comms.PumpLostAfter;

        var deadline = ward.Result.NextDeadline;

        Assert.NotNull(deadline);
        Assert.True(deadline > lostAfter);
        Assert.True(deadline <= lostAfter + TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Ticking_at_the_pump_deadline_finds_the_pump_lost_and_not_a_tick_before()
    {
        var ward = new Ward().Running(7.0m);
        var deadline = ward.Result.NextDeadline!.Value;

        ward.Advance(deadline - OneTick - ward.Now);
        Assert.False(ward.Holds(RuleIds.PumpCommsLost));

        ward.Advance(OneTick);
        Assert.True(ward.Holds(RuleIds.PumpCommsLost));
    }

    [Fact]
    public void A_later_pump_status_moves_the_deadline_on()
    {
        var ward = new Ward().Running(7.0m);

        ward.Advance(TimeSpan.FromSeconds(10)).Running(7.0m);

        Assert.True(ward.Result.NextDeadline > ward.Now + SeedProtocol.Parameters.Comms.PumpLostAfter);
    }

    [Fact]
    public void An_spo2_onset_makes_onset_plus_30_seconds_a_deadline()
    {
        var ward = MonitorOnly().Vitals();
        ward.Advance(TimeSpan.FromSeconds(10)).Vitals(spo2: 85m);
        var onset = ward.Now;

        ward.Advance(TimeSpan.FromSeconds(10)).Vitals(spo2: 85m);

        Assert.Equal(onset + SeedProtocol.Parameters.Vitals.Spo2Delay, ward.Result.NextDeadline);
    }

    [Fact]
    public void Ticking_at_the_spo2_deadline_raises_spo2()
    {
        var ward = MonitorOnly().Vitals();
        ward.Advance(TimeSpan.FromSeconds(10)).Vitals(spo2: 85m);
        ward.Advance(TimeSpan.FromSeconds(10)).Vitals(spo2: 85m);

        ward.Advance(ward.Result.NextDeadline!.Value - ward.Now);

        Assert.Contains(RuleIds.Spo2, ward.Result.Raised.Select(c => c.RuleId));
    }

    [Fact]
    public void The_sedation_assessment_due_time_is_a_deadline()
    {
        var ward = new Ward().Running(7.0m);

        ward.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(50)).Running(7.0m); // the pump's next deadline is later

        Assert.Equal(Ward.Start + SeedProtocol.Parameters.Sedation.AssessmentAfterChange, ward.Result.NextDeadline);
        ward.Advance(ward.Result.NextDeadline!.Value - ward.Now);
        Assert.True(ward.Holds(RuleIds.SedationDue));
    }

    [Fact]
    public void A_passed_deadline_is_not_returned()
    {
        var ward = PumpOnly();
        Assert.NotNull(ward.Result.NextDeadline); // the silent pump's loss, counted from its association

        ward.Advance(TimeSpan.FromSeconds(20));

        Assert.True(ward.Holds(RuleIds.PumpCommsLost));
        Assert.Null(ward.Result.NextDeadline); // nothing else can change without a new reading
    }

    [Fact]
    public void Passed_onset_and_comms_deadlines_give_way_to_the_next_one_ahead()
    {
        var ward = MonitorOnly().Vitals(spo2: 85m);
        var lastReading = ward.Now;

        ward.Advance(TimeSpan.FromSeconds(35)); // the SpO2 delay and the monitor's loss both passed

        Assert.True(ward.Holds(RuleIds.Spo2));
        Assert.True(ward.Holds(RuleIds.MonitorCommsLost));
        Assert.True(ward.Result.NextDeadline > ward.Now);
        Assert.True(ward.Result.NextDeadline <= lastReading + SeedProtocol.Parameters.Comms.ParameterMissingAfter + TimeSpan.FromMilliseconds(1));
    }

    private static Ward MonitorOnly()
    {
        var ward = new Ward(associateDevices: false);
        return ward.Apply(ward.Engine.AssociateMonitor(ward.State, "M1", ward.Context));
    }

    private static Ward PumpOnly()
    {
        var ward = new Ward(associateDevices: false);
        return ward.Apply(ward.Engine.AssociatePump(ward.State, "P1", ward.Context));
    }
}
