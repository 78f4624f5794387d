namespace Monitoring.Contracts.Messages;

/// <summary>What became of a message: ingest acknowledges it to the broker in every case but a failure.</summary>
public enum ApplyOutcome
{
    /// <summary>Applied to the patient's state (and any state change written).</summary>
    Applied,

    /// <summary>An exact duplicate (device, topic, bootId, seq): dropped without effect and counted.</summary>
    Duplicate,

    /// <summary>Older than one already applied: recorded in history, current state unchanged.</summary>
    Late,

    /// <summary>A device of a ward's inventory that is associated with nobody (UNASSOCIATED_DEVICE territory).</summary>
    Unassociated,

    /// <summary>In no ward's inventory and associated with nobody: ingest refuses it.</summary>
    UnknownDevice,

    /// <summary>An observation for a patient who is not admitted (never, or discharged): refused.</summary>
    UnknownPatient,

    /// <summary>A seq implausibly far ahead of the highest applied in the same bootId: not applied; DEVICE_DATA_INVALID on the
    /// bed and refused on monitoring/rejected.</summary>
    SeqJumpRefused,

    /// <summary>The seq went back without a new bootId while the device clock moved on: applied as a restart of its seq, and
    /// reported like a refusal (DEVICE_DATA_INVALID, monitoring/rejected).</summary>
    AppliedAfterSeqReset,
}
