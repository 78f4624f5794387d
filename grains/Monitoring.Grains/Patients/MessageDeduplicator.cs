using Monitoring.Contracts.Messages;

namespace Monitoring.Grains.Patients;

/// <summary>
/// Classifies a device message against the watermarks (interfaces.md, MQTT): an exact duplicate of (device,
/// topic, bootId, seq) is dropped; a lower seq of the same bootId, or any message of a bootId older than the
/// newest seen (by receipt order), is late; an unseen bootId is a reboot and becomes the newest (seq restarts).
/// A seq inside the unbroken run seen in the current boot is a duplicate however old (several hosts each pass
/// every message on, and one may be far behind); the recent-seqs window covers the rest.
/// Sequence plausibility, so one bad seq cannot freeze a bed: a seq far ahead in the same boot is refused (unless the
/// next one follows it: the device moved on), and a seq that goes back while the device clock moves on is a reset
/// without a new bootId, applied as a restart.
/// Updates the watermarks in place.
/// </summary>
public static class MessageDeduplicator
{
    public static Delivery Classify(List<DeviceWatermark> watermarks, DeviceMessageMeta meta, int window, int earlierBootIdsKept,
        SeqPlausibility? plausibility = null)
    {
        ArgumentNullException.ThrowIfNull(watermarks);
        ArgumentNullException.ThrowIfNull(meta);
        var rules = plausibility ?? SeqPlausibility.Default;

        var mark = watermarks.Find(w => w.DeviceId == meta.DeviceId && w.Topic == meta.Topic);
        if (mark is null)
        {
            mark = new DeviceWatermark { DeviceId = meta.DeviceId, Topic = meta.Topic };
            Restart(mark, meta, rules);
            watermarks.Add(mark);
            return Delivery.New;
        }

        if (mark.BootId != meta.BootId)
        {
            if (mark.EarlierBootIds.Contains(meta.BootId))
            {
                return Delivery.Late;
            }

            // A bootId never seen: the device restarted and its seq starts again.
            mark.EarlierBootIds.Add(mark.BootId);
            if (mark.EarlierBootIds.Count > earlierBootIdsKept)
            {
                mark.EarlierBootIds.RemoveAt(0);
            }

            Restart(mark, meta, rules);
            return Delivery.New;
        }

        if (meta.Seq - mark.LastSeq > rules.MaxJump)
        {
            if (mark.PendingJumpSeq is { } jumped && meta.Seq > jumped && meta.Seq - jumped <= rules.MaxJump)
            {
                // Two in a row from the new place: the device really moved its seq on. Follow it.
                Restart(mark, meta, rules);
                return Delivery.New;
            }

            // One seq far ahead would make every later real message "late": the bed would freeze on its last reading.
            mark.PendingJumpSeq = meta.Seq;
            return Delivery.SeqJump;
        }

        mark.PendingJumpSeq = null;
        if (meta.Seq <= mark.LastSeq && IsReset(mark, meta, rules))
        {
            Restart(mark, meta, rules);
            return Delivery.SeqReset;
        }

        if (mark.RunFrom is { } from && meta.Seq >= from && meta.Seq <= mark.RunThrough)
        {
            return Delivery.Duplicate;
        }

        var index = mark.RecentSeqs.BinarySearch(meta.Seq);
        if (index >= 0)
        {
            return Delivery.Duplicate;
        }

        var windowFull = mark.RecentSeqs.Count >= window;
        if (windowFull && meta.Seq < mark.RecentSeqs[0])
        {
            // Too old to tell a duplicate from a late message: history only, which is harmless either way.
            return Delivery.Late;
        }

        mark.RecentSeqs.Insert(~index, meta.Seq);
        if (mark.RecentSeqs.Count > window)
        {
            mark.RecentSeqs.RemoveAt(0);
        }

        ExtendRun(mark, meta.Seq);

        if (meta.Seq > mark.LastSeq)
        {
            mark.LastSeq = meta.Seq;
            NoteClock(mark, meta, rules);
            return Delivery.New;
        }

        return Delivery.Late;
    }

    /// <summary>
    /// The seq says "older" but a trusted clock says "later": a copy from another host keeps its original ts, so it never
    /// passes; a device that reset its seq without a new bootId does.
    /// </summary>
    private static bool IsReset(DeviceWatermark mark, DeviceMessageMeta meta, SeqPlausibility rules) =>
        IsTrusted(meta, rules) && mark.LastTrustedDeviceTs is { } last && meta.DeviceTs - last > rules.ResetClockAdvance;

    private static bool IsTrusted(DeviceMessageMeta meta, SeqPlausibility rules) => (meta.DeviceTs - meta.ReceivedAt).Duration() <= rules.ClockTrust;

    /// <summary>Only ever forward: after a clock stepped back, a copy of an earlier message must still read as older.</summary>
    private static void NoteClock(DeviceWatermark mark, DeviceMessageMeta meta, SeqPlausibility rules)
    {
        if (IsTrusted(meta, rules) && (mark.LastTrustedDeviceTs is not { } last || meta.DeviceTs > last))
        {
            mark.LastTrustedDeviceTs = meta.DeviceTs;
        }
    }

    /// <summary>The watermark starts again at this message: a first message, a new boot, a followed jump or a reset.</summary>
    private static void Restart(DeviceWatermark mark, DeviceMessageMeta meta, SeqPlausibility rules)
    {
        mark.BootId = meta.BootId;
        mark.LastSeq = meta.Seq;
        mark.RecentSeqs = [meta.Seq];
        mark.RunFrom = meta.Seq;
        mark.RunThrough = meta.Seq;
        mark.PendingJumpSeq = null;
        NoteClock(mark, meta, rules);
    }

    /// <summary>
    /// Grows the unbroken run with <paramref name="seq"/> and the recent seqs that join it. State written before the
    /// run was kept starts a run at the first seq that follows.
    /// </summary>
    private static void ExtendRun(DeviceWatermark mark, long seq)
    {
        if (mark.RunFrom is not { } from)
        {
            mark.RunFrom = seq;
            mark.RunThrough = seq;
            return;
        }

        if (seq == from - 1)
        {
            while (mark.RecentSeqs.BinarySearch(from - 1) >= 0)
            {
                from--;
            }

            mark.RunFrom = from;
        }
        else if (seq == mark.RunThrough + 1)
        {
            while (mark.RecentSeqs.BinarySearch(mark.RunThrough + 1) >= 0)
            {
                mark.RunThrough++;
            }
        }
    }
}
