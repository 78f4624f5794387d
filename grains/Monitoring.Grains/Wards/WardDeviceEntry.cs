namespace Monitoring.Grains.Wards;

/// <summary>One device of a ward's inventory and the patient it is associated with, if any.</summary>
[GenerateSerializer]
public sealed class WardDeviceEntry
{
    [Id(0)] public string DeviceId { get; set; } = "";

    /// <summary>pump or monitor (wire spelling).</summary>
    [Id(1)] public string Type { get; set; } = "";

    [Id(2)] public string? PatientId { get; set; }
}
