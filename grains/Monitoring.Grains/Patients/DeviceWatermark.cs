namespace Monitoring.Grains.Patients;

/// <summary>
/// De-duplication state of one (device, topic): the newest bootId, the highest seq applied in it, the recent
/// seqs seen in it (so an exact duplicate is told apart from a late message), the unbroken run of seqs seen in it
/// and the bootIds it replaced.
/// </summary>
[GenerateSerializer]
public sealed class DeviceWatermark
{
    [Id(0)] public string DeviceId { get; set; } = "";

    [Id(1)] public string Topic { get; set; } = "";

    [Id(2)] public string BootId { get; set; } = "";

    [Id(3)] public long LastSeq { get; set; }

    /// <summary>Seqs seen in the current boot, ascending, bounded; anything below the window's start is treated as late.</summary>
    [Id(4)] public List<long> RecentSeqs { get; set; } = [];

    /// <summary>Earlier bootIds, newest last: a message of one of them is late, not a reboot.</summary>
    [Id(5)] public List<string> EarlierBootIds { get; set; } = [];

    /// <summary>
    /// Every seq from <see cref="RunFrom"/> to <see cref="RunThrough"/> has been seen in the current boot (null: not
    /// known yet, e.g. state written before the run was kept). Two numbers however long the run: a host that comes back
    /// after a long absence and passes on its queued messages, far more than <see cref="RecentSeqs"/> holds, finds them
    /// duplicates instead of late ones charted a second time.
    /// </summary>
    [Id(6)] public long? RunFrom { get; set; }

    [Id(7)] public long RunThrough { get; set; }

    /// <summary>The latest device clock of an applied message whose clock was within the trust of the server's (the reset test).</summary>
    [Id(8)] public DateTimeOffset? LastTrustedDeviceTs { get; set; }

    /// <summary>The seq of a refused jump: a next message that follows it shows the device really moved on.</summary>
    [Id(9)] public long? PendingJumpSeq { get; set; }
}
