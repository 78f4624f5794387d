using Monitoring.Protocol.Evaluation;

namespace Monitoring.Application.Devices;

/// <summary>Put a device in a ward's inventory, so its feed is watched before any patient has it.</summary>
public sealed record AddDeviceToWard(string WardId, string DeviceId, DeviceType Type);
