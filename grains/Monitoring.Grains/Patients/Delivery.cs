namespace Monitoring.Grains.Patients;

/// <summary>How a device message relates to what the patient already took.</summary>
public enum Delivery
{
    /// <summary>Newer than anything applied (or the first of a new boot): apply it.</summary>
    New,

    /// <summary>The same (device, topic, bootId, seq) again: no effect.</summary>
    Duplicate,

    /// <summary>Older than one already applied: history only, the current state stays.</summary>
    Late,
}
