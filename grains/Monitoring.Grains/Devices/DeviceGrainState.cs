namespace Monitoring.Grains.Devices;

/// <summary>What a device grain persists ("devices" storage): its ward's inventory, its type, its patient.</summary>
[GenerateSerializer]
public sealed class DeviceGrainState
{
    [Id(0)] public string? WardId { get; set; }

    /// <summary>pump or monitor (wire spelling).</summary>
    [Id(1)] public string? Type { get; set; }

    [Id(2)] public string? PatientId { get; set; }
}
