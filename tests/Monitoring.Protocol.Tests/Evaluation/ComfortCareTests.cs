using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// The comfort-care (end-of-life) profile mutes SPO2, RESP_RATE, HEART_RATE, BLOOD_PRESSURE, ARRHYTHMIA, NEWS2,
/// MONITOR_COMMS_LOST and PARAMETER_MISSING; the values are still recorded, and every dose, pump and protocol
/// rule stays on. Ending it brings the muted conditions back.
/// </summary>
public class ComfortCareTests
{
    private static readonly string[] VitalSignRules =
        [RuleIds.Spo2, RuleIds.RespRate, RuleIds.HeartRate, RuleIds.BloodPressure, RuleIds.Arrhythmia, RuleIds.News2];

    [Fact]
    public void Without_comfort_care_a_dying_patients_vital_signs_alarm()
    {
        var ward = Deteriorating(new Ward());

        var holding = ward.Holding.Select(c => c.RuleId).ToList();

        Assert.All(VitalSignRules, rule => Assert.Contains(rule, holding));
    }

    [Fact]
    public void Comfort_care_mutes_the_vital_sign_rules()
    {
        var ward = Deteriorating(new Ward());

        ComfortCare(ward, on: true);

        var holding = ward.Holding.Select(c => c.RuleId).ToList();
        Assert.All(VitalSignRules, rule => Assert.DoesNotContain(rule, holding));
        Assert.All(VitalSignRules, rule => Assert.Contains(rule, ward.Result.Cleared));
    }

    [Fact]
    public void Under_comfort_care_the_vital_signs_are_still_recorded()
    {
        var ward = ComfortCare(new Ward(), on: true);

        Deteriorating(ward);

        Assert.DoesNotContain(ward.Holding, c => VitalSignRules.Contains(c.RuleId));
        Assert.Equal(84m, ward.State.Vitals.Spo2?.Value);
        Assert.Equal(Rhythm.Vt, ward.State.Vitals.Rhythm?.Value);
    }

    [Fact]
    public void Comfort_care_mutes_monitor_comms_lost()
    {
        var ward = ComfortCare(new Ward().Vitals(), on: true);

        ward.Advance(TimeSpan.FromMinutes(5));

        Assert.False(ward.Holds(RuleIds.MonitorCommsLost));
    }

    [Fact]
    public void Comfort_care_mutes_parameter_missing()
    {
        var ward = ComfortCare(new Ward().Vitals(), on: true);

        ward.Keep(TimeSpan.FromMinutes(5), w => w.Vitals(spo2: null));

        Assert.False(ward.Holds(RuleIds.ParameterMissing));
    }

    [Fact]
    public void Ending_comfort_care_brings_the_muted_conditions_back()
    {
        var ward = ComfortCare(new Ward(), on: true);
        Deteriorating(ward);

        ComfortCare(ward, on: false);

        var raised = ward.Result.Raised.Select(c => c.RuleId).ToList();
        Assert.All(VitalSignRules, rule => Assert.Contains(rule, raised));
    }

    [Fact]
    public void Ending_comfort_care_brings_parameter_missing_back()
    {
        var ward = ComfortCare(new Ward().Vitals(), on: true);
        ward.Keep(TimeSpan.FromMinutes(5), w => w.Vitals(spo2: null));

        ComfortCare(ward, on: false);

        Assert.True(ward.Holds(RuleIds.ParameterMissing));
    }

    [Fact]
    public void Ending_comfort_care_brings_monitor_comms_lost_back()
    {
        var ward = ComfortCare(new Ward().Vitals(), on: true).Advance(TimeSpan.FromMinutes(5));

        ComfortCare(ward, on: false);

        Assert.True(ward.Holds(RuleIds.MonitorCommsLost));
    }

    [Fact]
    public void Comfort_care_keeps_the_ceiling_on()
    {
        var ward = ComfortCare(new Ward(), on: true);

        ward.Running(70.0m);

        Assert.Equal(AlertPriority.High, ward.Condition(RuleIds.Ceiling).Priority);
        Assert.Single(ward.CommandsSent); // and enforcement still acts
    }

    [Fact]
    public void Comfort_care_keeps_the_pump_rules_on()
    {
        var ward = ComfortCare(new Ward(), on: true).Running(7.0m).Pump(PumpState.Alarm, 7.0m, alarm: PumpAlarm.Occlusion);

        ward.Advance(TimeSpan.FromSeconds(20));

        Assert.True(ward.Holds(RuleIds.PumpAlarm));
        Assert.True(ward.Holds(RuleIds.PumpCommsLost));
    }

    [Fact]
    public void Comfort_care_keeps_the_protocol_rules_on()
    {
        var ward = ComfortCare(new Ward().Admit(s => s with { Contraindications = [Contraindications.ActivePsychosis] }), on: true);

        ward.Running(7.0m).Rass(-4m).Observe(ObservationKind.Hallucination);

        Assert.True(ward.Holds(RuleIds.Contraindicated));
        Assert.True(ward.Holds(RuleIds.Sedation));
        Assert.True(ward.Holds(RuleIds.Hallucination));
    }

    [Fact]
    public void Comfort_care_keeps_device_data_invalid_and_device_clock_on()
    {
        var ward = ComfortCare(new Ward(), on: true).Vitals(deviceClockOffset: TimeSpan.FromMinutes(5));

        ward.Apply(ward.Engine.OnDeviceDataRefused(ward.State, "P1", "unreadable", ward.Context));

        Assert.True(ward.Holds(RuleIds.DeviceDataInvalid));
        Assert.True(ward.Holds(RuleIds.DeviceClock));
    }

    /// <summary>SpO2 84, RR 35, HR 135, systolic 185 and VT for 30 s with the monitor reporting every 10 s.</summary>
    private static Ward Deteriorating(Ward ward)
    {
        Func<Ward, Ward> reading = w => w.Vitals(hr: 135m, spo2: 84m, rr: 35m, systolic: 185m, rhythm: Rhythm.Vt);
        reading(ward);
        ward.Keep(TimeSpan.FromSeconds(30), reading);
        return ward;
    }

    private static Ward ComfortCare(Ward ward, bool on) => ward.Apply(ward.Engine.SetComfortCare(ward.State, on, ward.Context));
}
