using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Pause;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>The hallucination pause protocol through the grain: command, early restart, 2 h reassessment, lower restart.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PauseProtocolTests(ClusterFixture fixture)
{
    /// <summary>7 mL/h at 1 mg/mL for 70 kg: 0.1 mg/kg/h, inside the usual range.</summary>
    private const decimal UsualRate = 7.0m;

    [Fact]
    public async Task A_hallucination_sends_pause_and_a_restart_within_the_hour_raises_RESTART_EARLY()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(UsualRate);

        Assert.Equal(ApplyOutcome.Applied, await bed.Observe(ObservationKind.Hallucination));

        Assert.Equal(AlertPriority.High, (await bed.OpenAlert(RuleIds.Hallucination)).Priority);
        var pause = Assert.Single(bed.Commands);
        Assert.Equal(PumpCommandKind.Pause, pause.Kind);
        Assert.Equal(RuleIds.Hallucination, pause.RuleId);
        Assert.Equal(PauseState.PausePending, (await bed.Snapshot()).PauseProtocol.State);

        await bed.Advance(TimeSpan.FromSeconds(3));
        await bed.Pump(PumpState.Paused, UsualRate, lastCommandId: pause.CommandId, lastCommandResult: CommandResult.Done);
        Assert.Equal(PauseState.Paused, (await bed.Snapshot()).PauseProtocol.State);

        await bed.Advance(TimeSpan.FromMinutes(20));
        await bed.Running(5.0m);

        Assert.Equal(AlertPriority.High, (await bed.OpenAlert(RuleIds.RestartEarly)).Priority);
        Assert.Equal(PauseState.Running, (await bed.Snapshot()).PauseProtocol.State);
    }

    [Fact]
    public async Task After_two_hours_paused_RESTART_DUE_fires_on_the_timer_and_a_lower_restart_ends_the_protocol()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(UsualRate);
        await bed.Observe(ObservationKind.Hallucination);
        var pause = Assert.Single(bed.Commands);
        await bed.Pump(PumpState.Paused, UsualRate, lastCommandId: pause.CommandId, lastCommandResult: CommandResult.Done);
        var pausedAt = Bed.Now;

        await bed.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(PauseState.RestartWindow, (await bed.Snapshot()).PauseProtocol.State);
        Assert.Null(await bed.Alert(RuleIds.RestartDue));

        await bed.Advance(TimeSpan.FromHours(1));

        var due = await bed.OpenAlert(RuleIds.RestartDue);
        Assert.Equal(AlertPriority.Medium, due.Priority);
        var snapshot = await bed.Snapshot();
        Assert.Equal(PauseState.RestartDue, snapshot.PauseProtocol.State);
        Assert.Equal(pausedAt + TimeSpan.FromHours(2), snapshot.PauseProtocol.RestartDueAt);

        await bed.Running(5.0m);

        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId is RuleIds.RestartDue or RuleIds.RestartNotLower or RuleIds.RestartEarly);
        Assert.Equal(AlertState.Resolved, (await bed.Alert(RuleIds.RestartDue))!.State);
        Assert.Equal(PauseState.Running, (await bed.Snapshot()).PauseProtocol.State);
    }

    [Fact]
    public async Task A_restart_at_the_pre_pause_rate_raises_RESTART_NOT_LOWER()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(UsualRate);
        await bed.Observe(ObservationKind.Hallucination);
        var pause = Assert.Single(bed.Commands);
        await bed.Pump(PumpState.Paused, UsualRate, lastCommandId: pause.CommandId, lastCommandResult: CommandResult.Done);
        await bed.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));

        await bed.Running(UsualRate);

        Assert.Equal(AlertPriority.High, (await bed.OpenAlert(RuleIds.RestartNotLower)).Priority);
    }
}
