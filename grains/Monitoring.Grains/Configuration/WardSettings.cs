using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Grains.Configuration;

/// <summary>A ward's settings (seeds/wards/{id}.json): beds, device inventory, mode, and its protocol parameters with any ward default overridden.</summary>
public sealed record WardSettings(
    string WardId,
    string DisplayName,
    IReadOnlyList<string> Beds,
    IReadOnlyList<WardDevice> Devices,
    ProtocolParameters Parameters)
{
    public bool EnforcingMode => Parameters.Ward.EnforcingMode;
}

public sealed record WardDevice(string DeviceId, DeviceType Type);
