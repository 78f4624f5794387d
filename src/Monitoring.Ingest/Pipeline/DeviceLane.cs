namespace Monitoring.Ingest.Pipeline;

/// <summary>One device's (or one patient's charting) messages waiting for the grains, in order of receipt.</summary>
internal sealed class DeviceLane(string key)
{
    public string Key { get; } = key;

    public Queue<IngestItem> Items { get; } = new();

    /// <summary>A runner owns the lane: it takes the items one at a time, so the device's order holds.</summary>
    public bool Running { get; set; }

    /// <summary>Its head could not be handed over; counted once in the health's failing lanes.</summary>
    public bool Failing { get; set; }
}
