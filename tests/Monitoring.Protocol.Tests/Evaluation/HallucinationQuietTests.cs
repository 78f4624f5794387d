using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// HALLUCINATION holds through the pause protocol; it is held quietly (no re-alarm once acknowledged) only while the
/// pause is kept: paused, nothing going in. Pending with the pump running, or a bolus in the pause, is not quiet.
/// </summary>
public class HallucinationQuietTests
{
    [Fact]
    public void Pending_with_the_pump_still_running_is_not_quiet()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination);

        Assert.False(ward.Condition(RuleIds.Hallucination).QuietOnceAcknowledged);
    }

    [Fact]
    public void Paused_and_through_the_restart_window_and_restart_due_it_is_quiet()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 7.0m);
        Assert.True(ward.Condition(RuleIds.Hallucination).QuietOnceAcknowledged);

        ward.Advance(TimeSpan.FromMinutes(61));
        Assert.True(ward.Condition(RuleIds.Hallucination).QuietOnceAcknowledged);

        ward.Advance(TimeSpan.FromMinutes(60));
        Assert.True(ward.Holds(RuleIds.RestartDue));
        Assert.True(ward.Condition(RuleIds.Hallucination).QuietOnceAcknowledged);
    }

    [Fact]
    public void A_bolus_during_the_pause_is_not_quiet()
    {
        var ward = new Ward().Running(7.0m).Observe(ObservationKind.Hallucination).Pump(PumpState.Paused, 7.0m);

        ward.Pump(PumpState.Bolus, 50m);

        Assert.False(ward.Condition(RuleIds.Hallucination).QuietOnceAcknowledged);
    }
}
