using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// The technical rules of a bed's devices: PUMP_COMMS_LOST (> 15 s), MONITOR_COMMS_LOST (> 30 s),
/// PARAMETER_MISSING (> 60 s), DEVICE_DATA_INVALID, DEVICE_CLOCK (> 60 s) and PUMP_ALARM. Silence counts from
/// the last message, or from the association when the device never spoke.
/// </summary>
public class DeviceRuleTests
{
    private static readonly TimeSpan Reporting = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    // ---- PUMP_COMMS_LOST ----

    [Fact]
    public void A_pump_silent_for_exactly_15_seconds_is_not_lost()
    {
        var ward = new Ward().Running(7.0m);

        ward.Advance(TimeSpan.FromSeconds(15));

        Assert.False(ward.Holds(RuleIds.PumpCommsLost));
    }

    [Fact]
    public void A_pump_silent_for_more_than_15_seconds_is_lost()
    {
        var ward = new Ward().Running(7.0m);

        ward.Advance(TimeSpan.FromSeconds(15) + OneTick);

        var condition = ward.Condition(RuleIds.PumpCommsLost);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("P1", condition.DeviceId);
        Assert.Equal("silent 15 s", condition.Value);
    }

    [Fact]
    public void A_pump_that_never_spoke_counts_from_its_association()
    {
        var ward = new Ward();

        ward.Advance(TimeSpan.FromSeconds(15));
        Assert.False(ward.Holds(RuleIds.PumpCommsLost));

        ward.Advance(OneTick);
        Assert.True(ward.Holds(RuleIds.PumpCommsLost));
    }

    [Fact]
    public void A_bolus_message_counts_as_the_pump_speaking()
    {
        var ward = new Ward().Running(7.0m).Advance(TimeSpan.FromSeconds(10)).Bolus(5m);

        ward.Advance(TimeSpan.FromSeconds(10));

        Assert.False(ward.Holds(RuleIds.PumpCommsLost));
    }

    [Fact]
    public void The_pump_speaking_again_clears_comms_lost()
    {
        var ward = new Ward().Running(7.0m).Advance(TimeSpan.FromSeconds(20));

        ward.Running(7.0m);

        Assert.False(ward.Holds(RuleIds.PumpCommsLost));
        Assert.Contains(RuleIds.PumpCommsLost, ward.Result.Cleared);
    }

    // ---- MONITOR_COMMS_LOST ----

    [Fact]
    public void A_monitor_silent_for_exactly_30_seconds_is_not_lost()
    {
        var ward = new Ward().Vitals();

        ward.Advance(TimeSpan.FromSeconds(30));

        Assert.False(ward.Holds(RuleIds.MonitorCommsLost));
    }

    [Fact]
    public void A_monitor_silent_for_more_than_30_seconds_is_lost()
    {
        var ward = new Ward().Vitals();

        ward.Advance(TimeSpan.FromSeconds(30) + OneTick);

        var condition = ward.Condition(RuleIds.MonitorCommsLost);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("M1", condition.DeviceId);
    }

    [Fact]
    public void A_monitor_that_never_spoke_counts_from_its_association()
    {
        var ward = new Ward();

        ward.Advance(TimeSpan.FromSeconds(30));
        Assert.False(ward.Holds(RuleIds.MonitorCommsLost));

        ward.Advance(OneTick);
        Assert.True(ward.Holds(RuleIds.MonitorCommsLost));
    }

    // ---- PARAMETER_MISSING ----

    [Fact]
    public void Spo2_absent_for_exactly_60_seconds_while_the_monitor_reports_is_not_missing()
    {
        var ward = new Ward().Vitals();

        ward.Keep(TimeSpan.FromSeconds(60), w => w.Vitals(spo2: null));

        Assert.False(ward.Holds(RuleIds.ParameterMissing));
    }

    [Fact]
    public void Spo2_absent_for_more_than_60_seconds_while_the_monitor_reports_is_missing()
    {
        var ward = new Ward().Vitals();
        ward.Keep(TimeSpan.FromSeconds(60), w => w.Vitals(spo2: null));

        ward.Advance(OneTick).Vitals(spo2: null);

        var condition = ward.Condition(RuleIds.ParameterMissing);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("SpO2 absent", condition.Value);
        Assert.False(ward.Holds(RuleIds.MonitorCommsLost));
    }

    [Theory]
    [InlineData("RR")]
    [InlineData("HR")]
    public void Resp_rate_or_heart_rate_absent_for_more_than_60_seconds_is_missing_too(string parameter)
    {
        Func<Ward, Ward> reading = parameter == "RR" ? w => w.Vitals(rr: null) : w => w.Vitals(hr: null);
        var ward = new Ward().Vitals();
        ward.Keep(TimeSpan.FromSeconds(60), reading);
        Assert.False(ward.Holds(RuleIds.ParameterMissing));

        reading(ward.Advance(OneTick));

        Assert.Equal($"{parameter} absent", ward.Condition(RuleIds.ParameterMissing).Value);
    }

    [Fact]
    public void A_monitor_that_never_sent_spo2_counts_from_its_association()
    {
        var ward = new Ward().Advance(TimeSpan.FromSeconds(20)).Vitals(spo2: null); // associated 20 s before its first message

        ward.Keep(TimeSpan.FromSeconds(41), w => w.Vitals(spo2: null));

        Assert.Equal("SpO2 absent", ward.Condition(RuleIds.ParameterMissing).Value);
    }

    [Fact]
    public void A_silent_monitor_is_comms_lost_not_parameter_missing()
    {
        var ward = new Ward().Vitals();

        ward.Advance(TimeSpan.FromSeconds(61));

        Assert.True(ward.Holds(RuleIds.MonitorCommsLost));
        Assert.False(ward.Holds(RuleIds.ParameterMissing));
    }

    [Fact]
    public void Spo2_coming_back_clears_parameter_missing()
    {
        var ward = new Ward().Vitals();
        ward.Keep(TimeSpan.FromSeconds(70), w => w.Vitals(spo2: null));

        ward.Advance(Reporting).Vitals(spo2: 96m);

        Assert.False(ward.Holds(RuleIds.ParameterMissing));
        Assert.Contains(RuleIds.ParameterMissing, ward.Result.Cleared);
    }

    [Fact]
    public void A_probe_off_during_a_desaturation_hands_over_from_spo2_to_parameter_missing_without_a_gap()
    {
        var ward = new Ward().Vitals(spo2: 85m);
        ward.Keep(TimeSpan.FromSeconds(30), w => w.Vitals(spo2: 85m));
        Assert.True(ward.Holds(RuleIds.Spo2));

        ward.Keep(TimeSpan.FromSeconds(60), w => w.Vitals(spo2: null));
        Assert.True(ward.Holds(RuleIds.Spo2));
        Assert.False(ward.Holds(RuleIds.ParameterMissing));

        ward.Advance(OneTick);
        Assert.True(ward.Holds(RuleIds.ParameterMissing));
        Assert.False(ward.Holds(RuleIds.Spo2));
        Assert.Contains(RuleIds.Spo2, ward.Result.Cleared);
    }

    [Fact]
    public void A_probe_off_never_keeps_spo2_holding_on_the_old_value()
    {
        var ward = new Ward().Vitals(spo2: 85m);
        ward.Keep(TimeSpan.FromSeconds(30), w => w.Vitals(spo2: 85m));

        ward.Keep(TimeSpan.FromMinutes(10), w => w.Vitals(spo2: null));

        Assert.False(ward.Holds(RuleIds.Spo2));
        Assert.True(ward.Holds(RuleIds.ParameterMissing));
        Assert.Equal(85m, ward.State.Vitals.Spo2?.Value); // still recorded and shown, only no longer judged
    }

    // ---- DEVICE_DATA_INVALID ----

    [Fact]
    public void A_refused_message_holds_until_that_device_sends_a_valid_one()
    {
        var ward = new Ward().Vitals().Running(7.0m);

        ward.Apply(ward.Engine.OnDeviceDataRefused(ward.State, "M1", "SpO2 101 above what a monitor can measure", ward.Context));
        var condition = ward.Condition(RuleIds.DeviceDataInvalid);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("M1: SpO2 101 above what a monitor can measure", condition.Value);
        Assert.Equal("M1", condition.DeviceId);

        ward.Advance(Reporting).Running(7.0m);
        Assert.True(ward.Holds(RuleIds.DeviceDataInvalid));

        ward.Vitals();
        Assert.False(ward.Holds(RuleIds.DeviceDataInvalid));
        Assert.Contains(RuleIds.DeviceDataInvalid, ward.Result.Cleared);
    }

    [Fact]
    public void A_refused_pump_message_clears_on_the_next_valid_pump_status()
    {
        var ward = new Ward().Running(7.0m);
        ward.Apply(ward.Engine.OnDeviceDataRefused(ward.State, "P1", "unknown state 'priming'", ward.Context));
        Assert.True(ward.Holds(RuleIds.DeviceDataInvalid));

        ward.Advance(Reporting).Running(7.0m);

        Assert.False(ward.Holds(RuleIds.DeviceDataInvalid));
    }

    [Fact]
    public void A_refused_message_does_not_clear_with_time_alone()
    {
        var ward = new Ward().Vitals();
        ward.Apply(ward.Engine.OnDeviceDataRefused(ward.State, "M1", "unreadable", ward.Context));

        ward.Advance(TimeSpan.FromHours(2));

        Assert.True(ward.Holds(RuleIds.DeviceDataInvalid));
    }

    // ---- DEVICE_CLOCK ----

    [Theory]
    [InlineData(61, true)]
    [InlineData(60, false)]
    [InlineData(-60, false)]
    [InlineData(-61, true)]
    public void A_monitor_clock_more_than_60_seconds_off_holds_low(int offsetSeconds, bool holds)
    {
        var ward = new Ward();

        ward.Vitals(deviceClockOffset: TimeSpan.FromSeconds(offsetSeconds));

        Assert.Equal(holds, ward.Holds(RuleIds.DeviceClock));
        if (holds)
        {
            var condition = ward.Condition(RuleIds.DeviceClock);
            Assert.Equal(AlertPriority.Low, condition.Priority);
            Assert.Equal("M1", condition.DeviceId);
            Assert.Equal(offsetSeconds > 0 ? "M1 clock 1 min 1 s ahead" : "M1 clock 1 min 1 s behind", condition.Value);
        }
    }

    [Theory]
    [InlineData(61, true)]
    [InlineData(60, false)]
    public void A_pump_clock_more_than_60_seconds_off_holds(int offsetSeconds, bool holds)
    {
        var ward = new Ward();

        ward.Pump(PumpState.Running, 7.0m, deviceClockOffset: TimeSpan.FromSeconds(offsetSeconds));

        Assert.Equal(holds, ward.Holds(RuleIds.DeviceClock));
    }

    [Fact]
    public void Data_from_a_device_with_a_skewed_clock_is_still_used()
    {
        var ward = new Ward();

        ward.Vitals(systolic: 185m, deviceClockOffset: TimeSpan.FromMinutes(-5));
        ward.Pump(PumpState.Running, 70.0m, deviceClockOffset: TimeSpan.FromMinutes(5));

        Assert.True(ward.Holds(RuleIds.DeviceClock));
        Assert.True(ward.Holds(RuleIds.BloodPressure));
        Assert.True(ward.Holds(RuleIds.Ceiling));
    }

    [Fact]
    public void A_corrected_clock_clears_device_clock()
    {
        var ward = new Ward().Vitals(deviceClockOffset: TimeSpan.FromMinutes(2));

        ward.Advance(Reporting).Vitals();

        Assert.False(ward.Holds(RuleIds.DeviceClock));
    }

    // ---- PUMP_ALARM ----

    [Theory]
    [InlineData(PumpAlarm.Occlusion, "occlusion")]
    [InlineData(PumpAlarm.AirInLine, "air-in-line")]
    [InlineData(PumpAlarm.Empty, "empty")]
    [InlineData(PumpAlarm.Fault, "fault")]
    public void A_pump_alarm_holds_high(PumpAlarm alarm, string text)
    {
        var ward = new Ward().Running(7.0m);

        ward.Pump(PumpState.Alarm, 7.0m, alarm: alarm);

        var condition = ward.Condition(RuleIds.PumpAlarm);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal(text, condition.Value);
        Assert.Equal("P1", condition.DeviceId);
    }

    [Fact]
    public void An_alarm_state_without_a_named_alarm_still_holds()
    {
        var ward = new Ward();

        ward.Pump(PumpState.Alarm, 0m);

        Assert.Equal("alarm", ward.Condition(RuleIds.PumpAlarm).Value);
    }

    [Fact]
    public void A_running_pump_without_an_alarm_does_not_hold()
    {
        var ward = new Ward();

        ward.Running(7.0m);

        Assert.False(ward.Holds(RuleIds.PumpAlarm));
    }

    [Fact]
    public void The_pump_running_again_clears_the_alarm()
    {
        var ward = new Ward().Running(7.0m).Pump(PumpState.Alarm, 7.0m, alarm: PumpAlarm.Occlusion);

        ward.Advance(Reporting).Running(7.0m);

        Assert.False(ward.Holds(RuleIds.PumpAlarm));
        Assert.Contains(RuleIds.PumpAlarm, ward.Result.Cleared);
    }
}
