using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>CEILING through the grain: alert, enforcement command after the write, clearing when the pump confirms.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CeilingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_breach_raises_CEILING_and_commands_the_pump_back_to_the_last_rate_within_the_ceiling()
    {
        var bed = await new Bed(fixture).Admitted();
        Assert.Equal(ApplyOutcome.Applied, await bed.Running(20.0m));
        await bed.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(ApplyOutcome.Applied, await bed.Running(40.0m));

        var alert = await bed.OpenAlert(RuleIds.Ceiling);
        Assert.Equal(AlertPriority.High, alert.Priority);
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Equal(AlertKind.Clinical, alert.Kind);
        Assert.Equal("B1", alert.BedId);
        Assert.Matches($"^p:{bed.PatientId}:[0-9]+$", alert.Id);
        var command = Assert.Single(bed.Commands);
        Assert.Equal(PumpCommandKind.SetRate, command.Kind);
        Assert.Equal(20.0m, command.RateMlPerHour);
        Assert.Equal(bed.PumpId, command.PumpId);
        Assert.Contains(await bed.Audit(), e => e.Action == "pump-command-sent" && e.Details.Contains(command.CommandId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_rate_within_the_ceiling_in_the_course_the_pump_is_paused()
    {
        var bed = await new Bed(fixture).Admitted();

        await bed.Running(40.0m);

        var command = Assert.Single(bed.Commands);
        Assert.Equal(PumpCommandKind.Pause, command.Kind);
        Assert.Null(command.RateMlPerHour);
    }

    [Fact]
    public async Task The_alert_clears_when_the_pump_confirms_the_command_and_runs_within_the_ceiling()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(20.0m);
        await bed.Advance(TimeSpan.FromSeconds(5));
        await bed.Running(40.0m);
        var command = Assert.Single(bed.Commands);

        await bed.Advance(TimeSpan.FromSeconds(2));
        await bed.Running(20.0m, command.CommandId, CommandResult.Done);

        var alert = await bed.OpenAlert(RuleIds.Ceiling);
        Assert.Equal(AlertState.Latched, alert.State); // a HIGH nobody acknowledged stays on screen
        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId == RuleIds.CommandNotConfirmed);
        Assert.Single(bed.Commands);
    }

    [Fact]
    public async Task An_unconfirmed_command_raises_COMMAND_NOT_CONFIRMED_when_it_expires()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(40.0m);

        await bed.Hold(TimeSpan.FromSeconds(15), PumpState.Running, 40.0m);

        Assert.Equal(AlertPriority.High, (await bed.OpenAlert(RuleIds.CommandNotConfirmed)).Priority);
        Assert.Single(bed.Commands); // never retried on its own
    }
}
