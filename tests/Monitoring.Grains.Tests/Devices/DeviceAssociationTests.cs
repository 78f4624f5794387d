using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Grains.Tests.Support;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;

namespace Monitoring.Grains.Tests.Devices;

/// <summary>Devices belong to one patient at a time; dose, titration and pause belong to the patient, not the device.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeviceAssociationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_pump_swapped_mid_course_keeps_dose_and_pause_with_the_patient_and_releases_the_old_pump()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);
        await bed.Hold(TimeSpan.FromMinutes(10), PumpState.Running, 7.0m, TimeSpan.FromSeconds(10));
        await bed.Observe(ObservationKind.Hallucination);
        var pause = Assert.Single(bed.Commands);
        await bed.Pump(PumpState.Paused, 7.0m, lastCommandId: pause.CommandId, lastCommandResult: CommandResult.Done);
        var before = await bed.Snapshot();
        Assert.True(before.DeliveredDailyDoseMg > 1.0m);

        var newPump = $"{bed.PumpId}-b";
        Assert.True((await bed.AssociatePump(newPump)).Succeeded);
        await bed.Pump(PumpState.Paused, 7.0m, pumpId: newPump);

        var after = await bed.Snapshot();
        Assert.Equal(newPump, after.Pump!.PumpId);
        Assert.Equal(PauseState.Paused, after.PauseProtocol.State);
        Assert.Equal(before.PauseProtocol.PausedAt, after.PauseProtocol.PausedAt);
        Assert.Equal(before.DeliveredDailyDoseMg, after.DeliveredDailyDoseMg);
        Assert.Equal(before.CourseStartedAt, after.CourseStartedAt);
        Assert.Null((await bed.Device(bed.PumpId).GetView())!.PatientId);
        Assert.Equal(bed.PatientId, (await bed.Device(newPump).GetView())!.PatientId);

        // The old pump still reports: it is in the ward's inventory, associated with nobody.
        Assert.Equal(ApplyOutcome.Unassociated, await bed.Pump(PumpState.Paused, 7.0m));
        Assert.Equal(newPump, (await bed.Snapshot()).Pump!.PumpId);
    }

    [Fact]
    public async Task A_device_of_another_patient_is_refused_with_409()
    {
        var first = await new Bed(fixture).Admitted();
        var second = await new Bed(fixture).Admitted(pump: false);

        var result = await second.AssociatePump(first.PumpId);

        Assert.Equal(ResultKind.Conflict, result.Kind);
        Assert.Equal(first.PatientId, (await first.Device(first.PumpId).GetView())!.PatientId);
        Assert.Null((await second.Snapshot()).Pump);
    }

    [Fact]
    public async Task A_released_device_no_longer_reaches_the_patient()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);
        await bed.Pump(PumpState.Stopped, 7.0m);

        Assert.True((await bed.Patient.DetachDevice(bed.PumpId, "charge")).Succeeded);

        Assert.Null((await bed.Snapshot()).Pump);
        Assert.Null((await bed.Device(bed.PumpId).GetView())!.PatientId);
        Assert.Equal(ApplyOutcome.Unassociated, await bed.Running(7.0m));
        Assert.Equal(ResultKind.NotFound, (await bed.Patient.DetachDevice(bed.PumpId, "charge")).Kind);
    }

    [Fact]
    public async Task A_device_in_no_inventory_and_with_no_patient_is_unknown()
    {
        var device = fixture.Grains.GetGrain<IDeviceGrain>($"stray-{Guid.NewGuid():N}");
        var meta = new DeviceMessageMeta("stray", "status", "b", 1, Bed.Now, Bed.Now);
        var reading = new PumpStatusReading("stray", PumpState.Running, 5m, 0.1m, 1m, 0m, null, null, null, Bed.Now, Bed.Now);

        Assert.Equal(ApplyOutcome.UnknownDevice, await device.Route(new PumpStatusMessage(meta, reading)));
        Assert.False(await device.Refused("unreadable"));
        Assert.Null(await device.GetView());
    }

    [Fact]
    public async Task A_refused_message_from_an_associated_device_raises_DEVICE_DATA_INVALID()
    {
        var bed = await new Bed(fixture).Admitted();
        await bed.Running(7.0m);

        Assert.True(await bed.Device(bed.PumpId).Refused("rateMlPerHour: negative"));

        var alert = await bed.OpenAlert(Protocol.Rules.RuleIds.DeviceDataInvalid);
        Assert.Contains("negative", alert.LastValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_type_cannot_change()
    {
        var bed = await new Bed(fixture).Admitted();

        var result = await bed.Device(bed.PumpId).AddToWard(bed.WardId, DeviceType.Monitor, "charge");

        Assert.Equal(ResultKind.Conflict, result.Kind);
    }
}
