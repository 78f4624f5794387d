namespace Monitoring.Ingest.Pipeline;

/// <summary>What <see cref="DeviceFloodDetector"/> says of one message.</summary>
public enum FloodVerdict
{
    /// <summary>Within the device's rate.</summary>
    Within,

    /// <summary>Above it, and the first such message of this window: report it.</summary>
    FloodStarted,

    /// <summary>Above it, already reported in this window.</summary>
    Flood,
}
