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

    /// <summary>A seq far ahead of the highest applied in the same bootId (SeqPlausibility.MaxJump): not applied, reported.</summary>
    SeqJump,

    /// <summary>The seq went back in the same bootId while the device clock moved on: applied as a restart, reported.</summary>
    SeqReset,
}
