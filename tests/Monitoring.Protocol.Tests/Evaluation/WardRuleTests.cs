using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Evaluation;

/// <summary>
/// The ward alerts, which have no patient: UNASSOCIATED_DEVICE (a pump of the inventory running with nobody)
/// and WARD_UNWATCHED (a ward with associated devices and no watcher for more than 60 s).
/// </summary>
public class WardRuleTests
{
    private static readonly DateTimeOffset Now = Ward.Start;

    // ---- UNASSOCIATED_DEVICE ----

    [Fact]
    public void A_pump_running_with_no_patient_holds_medium_and_names_the_device()
    {
        var devices = new[] { Pump("P7", patientId: null, PumpState.Running) };

        var condition = Assert.Single(Evaluate(devices));

        Assert.Equal(RuleIds.UnassociatedDevice, condition.RuleId);
        Assert.Equal(AlertPriority.Medium, condition.Priority);
        Assert.Equal("P7", condition.DeviceId);
        Assert.Contains("P7", condition.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pump_giving_a_bolus_with_no_patient_holds()
    {
        var devices = new[] { Pump("P7", patientId: null, PumpState.Bolus) };

        Assert.Equal(RuleIds.UnassociatedDevice, Assert.Single(Evaluate(devices)).RuleId);
    }

    [Theory]
    [InlineData(PumpState.Paused)]
    [InlineData(PumpState.Stopped)]
    [InlineData(PumpState.Alarm)]
    public void A_pump_not_running_with_no_patient_does_not_hold(PumpState state)
    {
        var devices = new[] { Pump("P7", patientId: null, state) };

        Assert.Empty(Evaluate(devices));
    }

    [Fact]
    public void A_silent_pump_with_no_patient_does_not_hold()
    {
        var devices = new[] { new WardDeviceView("P7", DeviceType.Pump, null, null, null) };

        Assert.Empty(Evaluate(devices));
    }

    [Fact]
    public void A_running_pump_associated_with_a_patient_does_not_hold()
    {
        var devices = new[] { Pump("P1", patientId: "pt-1", PumpState.Running) };

        Assert.Empty(Evaluate(devices));
    }

    [Fact]
    public void A_monitor_with_no_patient_does_not_hold()
    {
        var devices = new[] { new WardDeviceView("M7", DeviceType.Monitor, null, null, Now) };

        Assert.Empty(Evaluate(devices));
    }

    [Fact]
    public void Each_running_unassociated_pump_is_its_own_alert()
    {
        var devices = new[]
        {
            Pump("P7", patientId: null, PumpState.Running),
            Pump("P8", patientId: null, PumpState.Running),
            Pump("P1", patientId: "pt-1", PumpState.Running),
        };

        var conditions = Evaluate(devices);

        Assert.Equal(["P7", "P8"], conditions.Select(c => c.DeviceId).Order(StringComparer.Ordinal));
        Assert.All(conditions, c => Assert.Equal(RuleIds.UnassociatedDevice, c.RuleId));
    }

    // ---- WARD_UNWATCHED ----

    [Fact]
    public void Unwatched_for_more_than_60_seconds_with_associated_devices_holds_high()
    {
        var devices = new[] { Pump("P1", patientId: "pt-1", PumpState.Running) };

        var condition = Assert.Single(Evaluate(devices, unwatchedSince: Now - TimeSpan.FromSeconds(61)));

        Assert.Equal(RuleIds.WardUnwatched, condition.RuleId);
        Assert.Equal(AlertPriority.High, condition.Priority);
        Assert.Equal("no watcher for 1 min 1 s", condition.Value);
    }

    [Fact]
    public void Unwatched_for_exactly_60_seconds_does_not_hold()
    {
        var devices = new[] { Pump("P1", patientId: "pt-1", PumpState.Running) };

        Assert.Empty(Evaluate(devices, unwatchedSince: Now - TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void An_associated_monitor_alone_is_enough()
    {
        var devices = new[] { new WardDeviceView("M1", DeviceType.Monitor, "pt-1", null, Now) };

        Assert.Equal(RuleIds.WardUnwatched, Assert.Single(Evaluate(devices, unwatchedSince: Now - TimeSpan.FromMinutes(5))).RuleId);
    }

    [Fact]
    public void A_ward_with_no_associated_devices_is_not_held_unwatched()
    {
        var devices = new[]
        {
            Pump("P7", patientId: null, PumpState.Stopped),
            new WardDeviceView("M7", DeviceType.Monitor, null, null, Now),
        };

        Assert.Empty(Evaluate(devices, unwatchedSince: Now - TimeSpan.FromHours(1)));
    }

    [Fact]
    public void An_empty_inventory_is_not_held_unwatched()
    {
        Assert.Empty(Evaluate([], unwatchedSince: Now - TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_watched_ward_does_not_hold()
    {
        var devices = new[] { Pump("P1", patientId: "pt-1", PumpState.Running) };

        Assert.Empty(Evaluate(devices, unwatchedSince: null));
    }

    [Fact]
    public void At_its_next_deadline_an_unwatched_ward_holds()
    {
        var devices = new[] { Pump("P1", patientId: "pt-1", PumpState.Running) };
        var since = Now;

        var deadline = WardRules.NextDeadline(since, SeedProtocol.Parameters);

        Assert.NotNull(deadline);
        Assert.True(deadline > since + SeedProtocol.Parameters.Comms.WardUnwatchedAfter);
        Assert.True(deadline <= since + SeedProtocol.Parameters.Comms.WardUnwatchedAfter + TimeSpan.FromSeconds(1));
        var conditions = WardRules.Evaluate(devices, since, deadline.Value, SeedProtocol.Parameters);
        Assert.Equal(RuleIds.WardUnwatched, Assert.Single(conditions).RuleId);
    }

    [Fact]
    public void A_watched_ward_has_no_deadline()
    {
        Assert.Null(WardRules.NextDeadline(null, SeedProtocol.Parameters));
    }

    private static WardDeviceView Pump(string id, string? patientId, PumpState state) =>
        new(id, DeviceType.Pump, patientId, state, Now);

    private static IReadOnlyList<RuleCondition> Evaluate(IReadOnlyCollection<WardDeviceView> devices, DateTimeOffset? unwatchedSince = null) =>
        WardRules.Evaluate(devices, unwatchedSince, Now, SeedProtocol.Parameters);
}
