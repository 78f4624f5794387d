using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>
/// Course invariant I4 through the grain: ketamine going in after stop-course is COURSE_STOPPED_RUNNING, enforcing
/// mode pauses it; restart-course (or a readmission after 24 h) begins a new course.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CourseStopTests(ClusterFixture fixture)
{
    private static ClinicianAction Action(string action) => new(action, "team decision", null);

    [Fact]
    public async Task Stopping_the_course_with_the_pump_running_raises_a_high_alert_and_pauses_the_pump()
    {
        var bed = await new Bed(fixture).Admitted(monitor: true);
        await bed.Running(7.0m);

        Assert.True((await bed.Patient.Act(Action("stop-course"), "charge")).Succeeded);

        Assert.Equal(AlertPriority.High, (await bed.OpenAlert(RuleIds.CourseStoppedRunning)).Priority);
        var pause = Assert.Single(bed.Commands);
        Assert.Equal(PumpCommandKind.Pause, pause.Kind);
        Assert.Equal(RuleIds.CourseStoppedRunning, pause.RuleId);

        await bed.Pump(PumpState.Paused, 7.0m, lastCommandId: pause.CommandId, lastCommandResult: CommandResult.Done);
        Assert.Equal(AlertState.Latched, (await bed.OpenAlert(RuleIds.CourseStoppedRunning)).State);
    }

    [Fact]
    public async Task Restart_course_is_refused_unless_the_course_was_stopped()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);

        Assert.Equal(ResultKind.Conflict, (await bed.Patient.Act(Action("restart-course"), "charge")).Kind);
    }

    [Fact]
    public async Task Restart_course_after_a_stop_begins_a_new_course_that_runs_without_the_alert()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(7.0m);
        await bed.Pump(PumpState.Stopped, 7.0m);
        await bed.Patient.Act(Action("stop-course"), "charge");
        await bed.Advance(TimeSpan.FromHours(2));

        Assert.True((await bed.Patient.Act(Action("restart-course"), "charge")).Succeeded);
        await bed.Running(7.0m);

        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId == RuleIds.CourseStoppedRunning);
        Assert.Equal(Bed.Now, (await bed.Snapshot()).CourseStartedAt);
        Assert.Contains(await bed.Audit(), e => e.Details.StartsWith("restart-course", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_readmission_within_24_h_keeps_the_course_stopped_and_running_again_alarms()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(7.0m);
        await bed.Pump(PumpState.Stopped, 7.0m);
        await bed.Patient.Act(Action("stop-course"), "charge");
        Assert.True((await bed.Patient.Discharge("charge")).Succeeded);
        await bed.Advance(TimeSpan.FromHours(2));
        Assert.True((await bed.Admit()).Succeeded);
        Assert.True((await bed.AssociatePump()).Succeeded);

        await bed.Running(7.0m);

        Assert.Equal(AlertPriority.High, (await bed.OpenAlert(RuleIds.CourseStoppedRunning)).Priority);
    }

    [Fact]
    public async Task A_readmission_after_24_h_is_a_new_course_that_runs_without_the_alert()
    {
        var bed = await new Bed(fixture, TestEnvironment.AdvisoryWard).Admitted();
        await bed.Running(7.0m);
        await bed.Pump(PumpState.Stopped, 7.0m);
        await bed.Patient.Act(Action("stop-course"), "charge");
        Assert.True((await bed.Patient.Discharge("charge")).Succeeded);
        await bed.Advance(TimeSpan.FromHours(25));
        Assert.True((await bed.Admit()).Succeeded);
        Assert.True((await bed.AssociatePump()).Succeeded);

        await bed.Running(7.0m);

        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId == RuleIds.CourseStoppedRunning);
    }
}
