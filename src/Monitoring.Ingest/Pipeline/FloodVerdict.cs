namespace Monitoring.Ingest.Pipeline;

/// <summary>What <see cref="DeviceFloodDetector"/> says of one message.</summary>
public enum FloodVerdict
{
    /// <summary>Within the device's rate: queued for its grain.</summary>
    Within,

    /// <summary>Above it, and the first such message of this window: refused, and the flood is reported on the bed and in the log.</summary>
    FloodStarted,

    /// <summary>Above it, already reported in this window: refused.</summary>
    Flood,
}
