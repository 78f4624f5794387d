using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Orleans.Core.Internal;
using Monitoring.Protocol.Pause;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>Deadlines live in the persisted state and are rechecked on activation: one missed while the grain was away fires at once, once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ActivationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_deadline_passed_while_deactivated_fires_once_on_the_next_activation()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);
        await bed.Observe(ObservationKind.Hallucination);
        var pause = Assert.Single(bed.Commands);
        await bed.Pump(PumpState.Paused, 7.0m, lastCommandId: pause.CommandId, lastCommandResult: CommandResult.Done);
        Assert.NotEmpty((await bed.Patient.GetTrends(TimeSpan.FromHours(1))).Series.Single(s => s.Name == "doseRate").Points);

        await bed.Patient.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await Polling.Until(() => management.GetGrainActivationCount((GrainReference)bed.Patient), n => n == 0, "the patient grain to deactivate");
        TestEnvironment.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        var alerts = await bed.Alerts();

        // In-memory history is gone: this is a new activation, and it fired the deadline by itself.
        Assert.Empty((await bed.Patient.GetTrends(TimeSpan.FromHours(3))).Series.Single(s => s.Name == "doseRate").Points);
        var due = Assert.Single(alerts, a => a.RuleId == RuleIds.RestartDue);
        Assert.Equal(Bed.Now, due.RaisedAt);
        Assert.Equal(PauseState.RestartDue, (await bed.Snapshot()).PauseProtocol.State);
        await bed.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(await bed.Audit(), e => e.Action == "alert-raised" && e.Details.Contains(RuleIds.RestartDue, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readings_between_transitions_survive_a_graceful_deactivation()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);
        await bed.Advance(TimeSpan.FromSeconds(5));
        await bed.Pump(PumpState.Running, 7.0m, seq: 2);
        var lastMessage = (await bed.Snapshot()).Pump!.LastMessageAt;

        await bed.Patient.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await Polling.Until(() => management.GetGrainActivationCount((GrainReference)bed.Patient), n => n == 0, "the patient grain to deactivate");

        Assert.Equal(lastMessage, (await bed.Snapshot()).Pump!.LastMessageAt);
        Assert.Equal(Contracts.Messages.ApplyOutcome.Duplicate, await bed.Pump(PumpState.Running, 7.0m, seq: 2));
    }
}
