namespace Monitoring.Grains.Options;

/// <summary>Technical cadences and bounds of the patient grain. No clinical number lives here: those come from the protocol file.</summary>
public sealed class PatientGrainOptions
{
    /// <summary>
    /// The longest the timer sleeps while a dose history exists: sliding dose windows (CUMULATIVE_HOUR,
    /// HIGH_DAILY_DOSE) change with no reading and no planned deadline, so they are rechecked this often.
    /// </summary>
    public TimeSpan MaxTickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest the readings' freshness (last-message times, latest vitals, seq positions) goes unwritten while
    /// readings arrive: everything clinical is written by the turn that changes it; this only bounds how stale these are
    /// after a crash (a pump's last message older than its comms-loss limit would raise PUMP_COMMS_LOST on return).
    /// </summary>
    public TimeSpan ReadingCheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest a timer is armed for; a deadline further away is reached in several steps.</summary>
    public TimeSpan MaxTimerDueTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The durable wake-up after a failover (Orleans refuses periods under a minute by default).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many resolved alerts a patient keeps for GET /api/alerts?state=resolved.</summary>
    public int ResolvedAlertsKept { get; set; } = 200;

    /// <summary>How many recent seqs per (device, topic) are remembered to tell an exact duplicate from a late message.</summary>
    public int DuplicateWindow { get; set; } = 256;

    /// <summary>How many earlier bootIds per (device, topic) are remembered, so their stragglers count as late, not as a reboot.</summary>
    public int EarlierBootIdsKept { get; set; } = 8;

    /// <summary>
    /// Sequence plausibility (interfaces.md): a seq more than this far above the highest applied in the same bootId is
    /// refused and reported (DEVICE_DATA_INVALID, monitoring/rejected), unless the next message follows it. A device
    /// sending a status every second would take 16 minutes to get this far legitimately without a message arriving.
    /// </summary>
    public long MaxSeqJump { get; set; } = 1000;

    /// <summary>A seq at or below the highest applied whose device clock is later than the newest applied by more than this
    /// is a reset without a new bootId: applied as a restart and reported.</summary>
    public TimeSpan SeqResetClockAdvance { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The device clock counts for the reset test only while it is within this of the server's clock.</summary>
    public TimeSpan SeqClockTrust { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many observation ids are remembered for de-duplication (beyond the engine's own window).</summary>
    public int ObservationIdsKept { get; set; } = 2000;

    /// <summary>While audit entries are pending (the audit trail refused them), how often the grain tries them again.</summary>
    public TimeSpan AuditRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether grain storage survives this silo's shutdown (true: Redis). False for Orleans' memory storage (the embedded
    /// profile): it is itself a set of grains, deactivated in the same shutdown stage as the patients and gone with the
    /// process, so a patient does not try to save its last readings into it on the way down. Set by the host from its
    /// storage provider, not a setting.
    /// </summary>
    public bool StorageOutlivesSilo { get; set; } = true;
}
