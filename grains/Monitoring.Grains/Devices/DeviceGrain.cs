using Microsoft.Extensions.Logging;
using Monitoring.Contracts;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Configuration;
using Monitoring.Grains.Logging;
using Monitoring.Grains.Persistence;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;

namespace Monitoring.Grains.Devices;

/// <summary>
/// One device (key: device id): which ward's inventory it is in and which patient it belongs to; routes its
/// messages there. Routing only forwards, so it may interleave: a patient releasing this device (discharge,
/// a pump swap) while one of its messages waits on that patient must not deadlock.
/// </summary>
[MayInterleave(nameof(MayInterleave))]
public sealed class DeviceGrain(
    [PersistentState("device", "devices")] IPersistentState<DeviceGrainState> store,
    WardRegistry registry,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{
    private readonly StateWriter _writes = new();
    private string _deviceId = "";
    private PumpState? _lastPumpState;
    private DateTimeOffset? _lastMessageAt;
    private (string PatientId, IPatientGrain Grain)? _patient;

    private string DeviceId => _deviceId;

    private DeviceGrainState S => store.State;

    /// <summary>Forwarders and reads interleave; changes of association do not.</summary>
    public static bool MayInterleave(IInvokable request) =>
        request?.GetMethodName() is nameof(Route) or nameof(Refused) or nameof(GetView);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _deviceId = this.GetPrimaryKeyString();

        // A device listed in a ward's seed file is in that ward's inventory before anyone touched its grain.
        if (S.WardId is null && registry.Wards.FirstOrDefault(w => w.Devices.Any(d => d.DeviceId == DeviceId)) is { } ward)
        {
            S.WardId = ward.WardId;
            S.Type = Wire.Name(ward.Devices.First(d => d.DeviceId == DeviceId).Type);
        }

        return Task.CompletedTask;
    }

    public async Task<ApplyOutcome> Route(DeviceMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _lastMessageAt = message.Meta.ReceivedAt;
        if (message is PumpStatusMessage status)
        {
            _lastPumpState = status.Reading.State;
        }

        if (S.PatientId is { } patientId)
        {
            var outcome = await Patient(patientId).Apply(message);
            if (outcome != ApplyOutcome.Unassociated)
            {
                return outcome;
            }

            // The patient no longer has this device (a release that did not reach this grain, or an association
            // still under way): whatever it reports, the ward must see it, like any device with nobody.
            logger.DeviceNotOnItsPatient(_deviceId, patientId);
        }

        if (S.WardId is { } wardId)
        {
            await GrainFactory.GetGrain<IWardGrain>(wardId).DeviceSeen(DeviceId, _lastPumpState, message.Meta.ReceivedAt);
            return ApplyOutcome.Unassociated;
        }

        return ApplyOutcome.UnknownDevice;
    }

    /// <summary>The patient's reference, made once per association: GetGrain reflects on every call.</summary>
    private IPatientGrain Patient(string patientId)
    {
        if (_patient is not { } patient || patient.PatientId != patientId)
        {
            _patient = patient = (patientId, GrainFactory.GetGrain<IPatientGrain>(patientId));
        }

        return patient.Grain;
    }

    public async Task<bool> Refused(string reason)
    {
        if (S.PatientId is { } patientId)
        {
            await GrainFactory.GetGrain<IPatientGrain>(patientId).RefuseDeviceData(DeviceId, reason);
            return true;
        }

        return S.WardId is not null;
    }

    public async Task<GrainResult> AddToWard(string wardId, DeviceType type, string actor)
    {
        if (string.IsNullOrWhiteSpace(wardId))
        {
            return GrainResult.Refused("wardId", "is required");
        }

        if (S.Type is { } known && known != Wire.Name(type))
        {
            return GrainResult.Conflict($"device {DeviceId} is a {known}, not a {Wire.Name(type)}", "type");
        }

        if (S.PatientId is not null && S.WardId is not null && S.WardId != wardId)
        {
            return GrainResult.Conflict($"device {DeviceId} is associated with a patient of ward {S.WardId}");
        }

        S.WardId = wardId;
        S.Type = Wire.Name(type);
        await WriteStateAsync();
        await GrainFactory.GetGrain<IWardGrain>(wardId).DeviceRegistered(DeviceId, type);
        var typeName = Wire.Name(type);
        logger.DeviceAddedToWard(_deviceId, typeName, wardId, actor);
        return GrainResult.Ok;
    }

    public async Task<GrainResult> Associate(string patientId, string wardId, DeviceType type, string actor)
    {
        if (S.PatientId is { } owner && owner != patientId)
        {
            return GrainResult.Conflict($"device {DeviceId} belongs to another patient", "deviceId");
        }

        if (S.Type is { } known && known != Wire.Name(type))
        {
            return GrainResult.Conflict($"device {DeviceId} is a {known}, not a {Wire.Name(type)}", "type");
        }

        var before = (S.WardId, S.Type, S.PatientId);
        S.WardId = wardId;
        S.Type = Wire.Name(type);
        S.PatientId = patientId;
        await WriteStateAsync();

        var attached = await GrainFactory.GetGrain<IPatientGrain>(patientId).AttachDevice(DeviceId, type, actor);
        if (!attached.Succeeded)
        {
            (S.WardId, S.Type, S.PatientId) = before;
            await WriteStateAsync();
            return attached;
        }

        await GrainFactory.GetGrain<IWardGrain>(wardId).DeviceAssociation(DeviceId, type, patientId);
        logger.DeviceAssociated(_deviceId, patientId, wardId, actor);
        return GrainResult.Ok;
    }

    /// <summary>Clears the association if it is this patient's. Never calls the patient back: the patient asked.</summary>
    public async Task<GrainResult> Release(string patientId, string actor)
    {
        if (S.PatientId is null)
        {
            return GrainResult.Ok;
        }

        if (S.PatientId != patientId)
        {
            return GrainResult.Conflict($"device {DeviceId} belongs to another patient", "deviceId");
        }

        S.PatientId = null;
        await WriteStateAsync();
        if (S.WardId is { } wardId && Wire.TryParse(S.Type, out DeviceType type))
        {
            await GrainFactory.GetGrain<IWardGrain>(wardId).DeviceAssociation(DeviceId, type, null);
        }

        logger.DeviceReleased(_deviceId, patientId, actor);
        return GrainResult.Ok;
    }

    public Task<DeviceView?> GetView() => Task.FromResult(S.WardId is null && S.PatientId is null
        ? null
        : new DeviceView(DeviceId, S.Type ?? "", S.PatientId, _lastPumpState is { } state ? Wire.Name(state) : null, _lastMessageAt));

    /// <summary>Every write of this device's state; a refused write discards this activation's memory and fails the call (<see cref="StateWriter"/>).</summary>
    private Task WriteStateAsync() => _writes.WriteAsync(store, this, logger);
}
