namespace Monitoring.Host.Seeds;

/// <summary>One device of a ward's inventory in seeds/wards/{ward}.json.</summary>
public sealed class WardSeedDevice
{
    public string? Id { get; set; }

    /// <summary>pump or monitor.</summary>
    public string? Type { get; set; }
}
