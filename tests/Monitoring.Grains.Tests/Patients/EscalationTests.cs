using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>
/// The alert lifecycle hosted by the grain: escalation to the outbound route, latching, re-alarm of an
/// acknowledged HIGH and on a worse band. Advisory ward, so no command changes what the pump does.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EscalationTests(ClusterFixture fixture)
{
    /// <summary>0.571 mg/kg/h at 70 kg and 1 mg/mL: above the ceiling, below the 0.75 worse band.</summary>
    private const decimal AboveCeiling = 40.0m;

    [Fact]
    public async Task An_unacknowledged_HIGH_escalates_after_60_s_to_the_outbound_route()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(AboveCeiling);

        await bed.Hold(TimeSpan.FromSeconds(55), PumpState.Running, AboveCeiling);
        Assert.False((await bed.OpenAlert(RuleIds.Ceiling)).Escalated);
        Assert.DoesNotContain(bed.Outbound, a => a.RuleId == RuleIds.Ceiling);

        await bed.Hold(TimeSpan.FromSeconds(5), PumpState.Running, AboveCeiling);

        Assert.True((await bed.OpenAlert(RuleIds.Ceiling)).Escalated);
        var sent = Assert.Single(bed.Outbound, a => a.RuleId == RuleIds.Ceiling);
        Assert.True(sent.Escalated);
        Assert.Equal(AlertPriority.High, sent.Priority);
        Assert.Contains(await bed.Audit(), e => e.Action == "alert-escalated" && e.Actor == "system");
    }

    [Fact]
    public async Task A_HIGH_that_clears_unacknowledged_latches_until_acknowledged()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(AboveCeiling);
        await bed.Advance(TimeSpan.FromSeconds(5));

        await bed.Running(20.0m);

        var latched = await bed.OpenAlert(RuleIds.Ceiling);
        Assert.Equal(AlertState.Latched, latched.State);
        await bed.Hold(TimeSpan.FromMinutes(1), PumpState.Running, 20.0m);
        Assert.Equal(AlertState.Latched, (await bed.OpenAlert(RuleIds.Ceiling)).State);

        var result = await bed.Patient.Acknowledge(latched.Id, "charge", "seen, rate corrected");

        Assert.True(result.Succeeded);
        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId == RuleIds.Ceiling);
        var resolved = await bed.Alert(RuleIds.Ceiling);
        Assert.Equal(AlertState.Resolved, resolved!.State);
        Assert.Equal("charge", resolved.AcknowledgedBy);
        Assert.Contains(await bed.Audit(), e => e.Action == "alert-acknowledged" && e.Actor == "charge" && e.Details.Contains("seen, rate corrected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_acknowledged_HIGH_still_holding_re_alarms_after_5_min()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(AboveCeiling);
        var alert = await bed.OpenAlert(RuleIds.Ceiling);
        Assert.True((await bed.Patient.Acknowledge(alert.Id, "charge", null)).Succeeded);

        await bed.Hold(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(5), PumpState.Running, AboveCeiling);
        Assert.Equal(AlertState.Acknowledged, (await bed.OpenAlert(RuleIds.Ceiling)).State);

        await bed.Hold(TimeSpan.FromSeconds(5), PumpState.Running, AboveCeiling);

        var realarmed = await bed.OpenAlert(RuleIds.Ceiling);
        Assert.Equal(AlertState.Active, realarmed.State);
        Assert.Null(realarmed.AcknowledgedBy);
        Assert.NotNull(realarmed.ReAlarmedAt);
        Assert.Equal(alert.Id, realarmed.Id);
        Assert.Contains(await bed.Audit(), e => e.Action == "alert-re-alarmed" && e.Details.Contains(alert.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_acknowledged_alert_re_alarms_when_the_value_crosses_into_a_worse_band()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(AboveCeiling);
        var alert = await bed.OpenAlert(RuleIds.Ceiling);
        Assert.True((await bed.Patient.Acknowledge(alert.Id, "charge", null)).Succeeded);
        await bed.Advance(TimeSpan.FromSeconds(5));

        await bed.Running(60.0m); // 0.857 mg/kg/h: above the 0.75 band

        var realarmed = await bed.OpenAlert(RuleIds.Ceiling);
        Assert.Equal(AlertState.Active, realarmed.State);
        Assert.NotNull(realarmed.ReAlarmedAt);
        Assert.Contains(await bed.Audit(), e => e.Action == "alert-re-alarmed" && e.Details.Contains("worse band", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acknowledging_an_unknown_alert_is_404_and_a_second_acknowledgement_409()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(AboveCeiling);
        var alert = await bed.OpenAlert(RuleIds.Ceiling);

        Assert.Equal(ResultKind.NotFound, (await bed.Patient.Acknowledge($"p:{bed.PatientId}:999", "charge", null)).Kind);
        Assert.True((await bed.Patient.Acknowledge(alert.Id, "charge", null)).Succeeded);
        var again = await bed.Patient.Acknowledge(alert.Id, "other", null);

        Assert.Equal(ResultKind.Conflict, again.Kind);
        Assert.Equal("charge", (await bed.OpenAlert(RuleIds.Ceiling)).AcknowledgedBy);
    }

    [Fact]
    public async Task An_advisory_ward_alerts_but_never_commands_the_pump()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(20.0m);

        await bed.Running(AboveCeiling);
        await bed.Observe(ObservationKind.Hallucination);

        Assert.NotNull(await bed.Alert(RuleIds.Ceiling));
        Assert.NotNull(await bed.Alert(RuleIds.Hallucination));
        Assert.Empty(bed.Commands);
        Assert.Equal(ApplyOutcome.Applied, await bed.Running(AboveCeiling));
        Assert.Empty(bed.Commands);
    }
}
