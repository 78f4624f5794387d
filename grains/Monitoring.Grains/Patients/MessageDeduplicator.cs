using Monitoring.Contracts.Messages;

namespace Monitoring.Grains.Patients;

/// <summary>
/// Classifies a device message against the watermarks (interfaces.md, MQTT): an exact duplicate of (device,
/// topic, bootId, seq) is dropped; a lower seq of the same bootId, or any message of a bootId older than the
/// newest seen (by receipt order), is late; an unseen bootId is a reboot and becomes the newest (seq restarts).
/// A seq inside the unbroken run seen in the current boot is a duplicate however old (several hosts each pass
/// every message on, and one may be far behind); the recent-seqs window covers the rest.
/// Updates the watermarks in place.
/// </summary>
public static class MessageDeduplicator
{
    public static Delivery Classify(List<DeviceWatermark> watermarks, DeviceMessageMeta meta, int window, int earlierBootIdsKept)
    {
        ArgumentNullException.ThrowIfNull(watermarks);
        ArgumentNullException.ThrowIfNull(meta);

        var mark = watermarks.Find(w => w.DeviceId == meta.DeviceId && w.Topic == meta.Topic);
        if (mark is null)
        {
            watermarks.Add(new DeviceWatermark
            {
                DeviceId = meta.DeviceId, Topic = meta.Topic, BootId = meta.BootId, LastSeq = meta.Seq, RecentSeqs = [meta.Seq],
                RunFrom = meta.Seq, RunThrough = meta.Seq,
            });
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

            mark.BootId = meta.BootId;
            mark.LastSeq = meta.Seq;
            mark.RecentSeqs = [meta.Seq];
            mark.RunFrom = meta.Seq;
            mark.RunThrough = meta.Seq;
            return Delivery.New;
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
            return Delivery.New;
        }

        return Delivery.Late;
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
