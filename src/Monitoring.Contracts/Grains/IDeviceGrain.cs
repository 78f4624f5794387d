using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Evaluation;

namespace Monitoring.Contracts.Grains;

/// <summary>
/// One device (key: device id): which ward's inventory it is in and which patient it is associated
/// with. Routes the device's messages to that patient; ingest asks it nothing else.
/// </summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    Task<ApplyOutcome> Route(DeviceMessage message);

    /// <summary>A refused message: DEVICE_DATA_INVALID on the associated patient, if any. False for an unknown device.</summary>
    Task<bool> Refused(string reason);

    Task<GrainResult> AddToWard(string wardId, DeviceType type, string actor);

    /// <summary>409 if the device belongs to another patient.</summary>
    Task<GrainResult> Associate(string patientId, string wardId, DeviceType type, string actor);

    Task<GrainResult> Release(string patientId, string actor);

    Task<DeviceView?> GetView();
}
