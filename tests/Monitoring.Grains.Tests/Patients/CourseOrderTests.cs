using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;
using Orleans.Core.Internal;

namespace Monitoring.Grains.Tests.Patients;

/// <summary>
/// Issue 12 through the grain: the course order, patient limits, and "restart lower" held over the course
/// (defects 1 and 2). 70 kg at 1 mg/mL: 0.1 mg/kg/h is 7.0 mL/h, 0.2 mg/kg/h is 14.0 mL/h.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CourseOrderTests(ClusterFixture fixture)
{
    private static CourseOrderRequest Order(decimal? maxRate = 0.2m, decimal? startRate = 0.06m, string regimen = "weight-based", decimal? concentration = 1m) =>
        new("Dr Ward", regimen, concentration, startRate, maxRate);

    /// <summary>Ran at 7.0 mL/h, hallucination, the pump confirmed the pause, then an hour and 5 minutes passed.</summary>
    private static async Task<Bed> PausedAfterRunningAt7(ClusterFixture fixture)
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);
        await bed.Observe(ObservationKind.Hallucination);
        var pause = Assert.Single(bed.Commands);
        await bed.Pump(PumpState.Paused, 7.0m, lastCommandId: pause.CommandId, lastCommandResult: CommandResult.Done);
        await bed.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));
        return bed;
    }

    [Fact]
    public async Task Defect1_a_10x_restart_after_the_pause_is_paused_never_set_back_to_the_pre_pause_rate()
    {
        var bed = await PausedAfterRunningAt7(fixture);

        await bed.Running(70.0m);

        var command = bed.Commands[^1];
        Assert.Equal(RuleIds.Ceiling, command.RuleId);
        Assert.Equal(PumpCommandKind.Pause, command.Kind);
        Assert.DoesNotContain(bed.Commands, c => c.Kind == PumpCommandKind.SetRate && c.RateMlPerHour >= 7.0m);
        var snapshot = await bed.Snapshot();
        Assert.Equal("restart-lower", snapshot.AllowedRate!.Bound);
        Assert.False(snapshot.AllowedRate.Inclusive);
    }

    [Fact]
    public async Task Defect2_a_rise_to_4x_a_minute_after_a_lower_restart_raises_RESTART_NOT_LOWER()
    {
        var bed = await PausedAfterRunningAt7(fixture);
        await bed.Running(6.9m);
        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId == RuleIds.RestartNotLower);
        await bed.Advance(TimeSpan.FromMinutes(1));

        await bed.Running(28.0m);

        Assert.Equal(AlertPriority.High, (await bed.OpenAlert(RuleIds.RestartNotLower)).Priority);
        var command = bed.Commands[^1];
        Assert.Equal((RuleIds.RestartNotLower, PumpCommandKind.SetRate, (decimal?)6.9m), (command.RuleId, command.Kind, command.RateMlPerHour));
    }

    [Fact]
    public async Task An_order_above_the_ceiling_is_a_400_naming_the_field()
    {
        var bed = await new Bed(fixture).Admitted();

        var result = await bed.Patient.RecordOrder(Order(maxRate: 0.6m), "charge");

        Assert.Equal((ResultKind.Refused, "maxRateMgPerKgPerHour"), (result.Kind, result.Field));
        Assert.Contains("ceiling", result.Error, StringComparison.Ordinal);
        Assert.Null((await bed.Snapshot()).Order);
    }

    [Fact]
    public async Task A_recorded_order_is_audited_shown_and_bounds_the_rate_with_ORDER_LIMIT()
    {
        var bed = await new Bed(fixture).Admitted();

        Assert.True((await bed.Patient.RecordOrder(Order(concentration: 2m), "charge")).Succeeded);
        await bed.Pump(PumpState.Running, 7.1m, concentrationMgPerMl: 2m);

        var snapshot = await bed.Snapshot();
        Assert.Equal(("Dr Ward", 0.2m, "charge"), (snapshot.Order!.Prescriber, snapshot.Order.MaxRateMgPerKgPerHour, snapshot.Order.RecordedBy));
        Assert.Equal(2m, snapshot.ConcentrationMgPerMl);
        Assert.Equal(("order", 0.2m, true), (snapshot.AllowedRate!.Bound, snapshot.AllowedRate.MaxDoseRateMgPerKgPerHour, snapshot.AllowedRate.Inclusive));
        Assert.Equal(AlertPriority.High, (await bed.OpenAlert(RuleIds.OrderLimit)).Priority);
        Assert.Single(await bed.Audit(), e => e.Action == "course-order-recorded" && e.Actor == "charge" && e.Details.Contains("max 0.2 mg/kg/h", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Limits_looser_than_the_ward_are_refused_and_tighter_ones_are_audited_persisted_and_shown()
    {
        var bed = await new Bed(fixture).Admitted();
        var looser = await bed.Patient.SetLimits(new PatientLimitsRequest(null, null, null, 0.4m, "test"), "charge");
        Assert.Equal((ResultKind.Refused, "acuteBolusLimitMgPerKg"), (looser.Kind, looser.Field));
        var unexplained = await bed.Patient.SetLimits(new PatientLimitsRequest(0.2m, null, null, null, " "), "charge");
        Assert.Equal((ResultKind.Refused, "reason"), (unexplained.Kind, unexplained.Field));

        Assert.True((await bed.Patient.SetLimits(new PatientLimitsRequest(0.15m, null, null, 0.2m, "frail"), "charge")).Succeeded);
        await bed.Patient.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await Polling.Until(() => management.GetGrainActivationCount((GrainReference)bed.Patient), n => n == 0, "the patient grain to deactivate");

        await bed.Running(7.0m);
        await bed.Bolus(14.0m);

        var snapshot = await bed.Snapshot();
        Assert.Equal((0.15m, 0.2m, "frail", "charge"), (snapshot.Limits!.MaxRateMgPerKgPerHour, snapshot.Limits.AcuteBolusLimitMgPerKg, snapshot.Limits.Reason, snapshot.Limits.SetBy));
        Assert.Equal("patient-limit", snapshot.AllowedRate!.Bound);
        Assert.Equal(AlertPriority.High, (await bed.OpenAlert(RuleIds.BolusAcute)).Priority);
        Assert.Single(await bed.Audit(), e => e.Action == "patient-limits-set" && e.Details.EndsWith(": frail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_course_on_readmission_needs_a_new_order_and_keeps_the_patients_limits()
    {
        var bed = await new Bed(fixture).Admitted(pump: false);
        Assert.True((await bed.Patient.RecordOrder(Order(), "charge")).Succeeded);
        Assert.True((await bed.Patient.SetLimits(new PatientLimitsRequest(0.15m, null, null, null, "frail"), "charge")).Succeeded);
        Assert.True((await bed.Patient.Discharge("charge")).Succeeded);
        await bed.Advance(TimeSpan.FromHours(25));

        Assert.True((await bed.Admit()).Succeeded);

        var snapshot = await bed.Snapshot();
        Assert.Null(snapshot.Order);
        Assert.Equal(0.15m, snapshot.Limits!.MaxRateMgPerKgPerHour);
        Assert.Equal("patient-limit", snapshot.AllowedRate!.Bound);
    }

    [Fact]
    public async Task A_new_order_after_the_restart_ends_RESTART_NOT_LOWER()
    {
        var bed = await PausedAfterRunningAt7(fixture);
        await bed.Running(6.9m);
        await bed.Running(7.0m);
        Assert.NotNull((await bed.Alerts()).SingleOrDefault(a => a.RuleId == RuleIds.RestartNotLower));

        Assert.True((await bed.Patient.RecordOrder(Order(maxRate: 0.12m), "charge")).Succeeded);

        Assert.DoesNotContain(await bed.Alerts(), a => a.RuleId == RuleIds.RestartNotLower && a.State == AlertState.Active);
        Assert.Equal("order", (await bed.Snapshot()).AllowedRate!.Bound);
    }
}
