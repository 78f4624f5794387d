using Monitoring.Contracts.Messages;
using Monitoring.Grains.Patients;

namespace Monitoring.Grains.Tests.Units;

public sealed class MessageDeduplicatorTests
{
    private readonly List<DeviceWatermark> _marks = [];

    [Fact]
    public void New_duplicate_late_and_reboot_are_told_apart_per_device_and_topic()
    {
        Assert.Equal(Delivery.New, Classify("P", "status", "b1", 1));
        Assert.Equal(Delivery.New, Classify("P", "status", "b1", 3));
        Assert.Equal(Delivery.Duplicate, Classify("P", "status", "b1", 3));
        Assert.Equal(Delivery.Late, Classify("P", "status", "b1", 2));
        Assert.Equal(Delivery.Duplicate, Classify("P", "status", "b1", 2));
        Assert.Equal(Delivery.New, Classify("P", "bolus", "b1", 1)); // another topic has its own seq
        Assert.Equal(Delivery.New, Classify("P", "status", "b2", 1)); // reboot
        Assert.Equal(Delivery.Late, Classify("P", "status", "b1", 4)); // the older boot
        Assert.Equal(Delivery.Duplicate, Classify("P", "status", "b2", 1));
    }

    [Fact]
    public void A_seq_below_the_remembered_window_and_outside_the_unbroken_run_counts_as_late()
    {
        // 2 never arrives: the unbroken run is just 1; the window holds the last 4 of 3..10.
        Classify("P", "status", "b1", 1, window: 4);
        for (var seq = 3; seq <= 10; seq++)
        {
            Classify("P", "status", "b1", seq, window: 4);
        }

        Assert.Equal(Delivery.Late, Classify("P", "status", "b1", 2, window: 4)); // never seen, too old to place
        Assert.Equal(Delivery.Late, Classify("P", "status", "b1", 4, window: 4)); // seen, but neither in the run nor the window
        Assert.Equal(Delivery.Duplicate, Classify("P", "status", "b1", 1, window: 4)); // in the run
        Assert.Equal(Delivery.Duplicate, Classify("P", "status", "b1", 9, window: 4)); // in the window
    }

    [Fact]
    public void A_host_far_behind_passing_on_every_message_again_finds_each_a_duplicate_however_many()
    {
        // Another host applied 1000 messages of one device; this host comes back and passes on its queued copies.
        for (var seq = 1; seq <= 1000; seq++)
        {
            Assert.Equal(Delivery.New, Classify("P", "vitals", "b1", seq, window: 16));
        }

        for (var seq = 1; seq <= 1000; seq++)
        {
            Assert.Equal(Delivery.Duplicate, Classify("P", "vitals", "b1", seq, window: 16));
        }

        var mark = Assert.Single(_marks);
        Assert.Equal((1L, 1000L), (mark.RunFrom, mark.RunThrough));
        Assert.Equal(16, mark.RecentSeqs.Count); // the state stays bounded
    }

    [Fact]
    public void A_late_message_that_fills_a_gap_joins_the_run_with_what_followed_it()
    {
        Classify("P", "status", "b1", 5);
        Classify("P", "status", "b1", 7);
        Classify("P", "status", "b1", 8);
        Assert.Equal(Delivery.Late, Classify("P", "status", "b1", 6)); // arrived after 7 and 8: history only
        Assert.Equal(Delivery.Late, Classify("P", "status", "b1", 4)); // before the first one seen in this boot
        var mark = Assert.Single(_marks);
        Assert.Equal((4L, 8L), (mark.RunFrom, mark.RunThrough));
    }

    [Fact]
    public void State_kept_before_the_run_existed_starts_a_run_at_the_next_message()
    {
        _marks.Add(new DeviceWatermark { DeviceId = "P", Topic = "status", BootId = "b1", LastSeq = 3, RecentSeqs = [1, 2, 3] });
        Assert.Equal(Delivery.Duplicate, Classify("P", "status", "b1", 2)); // the window still answers
        Assert.Equal(Delivery.New, Classify("P", "status", "b1", 4));
        Assert.Equal(Delivery.New, Classify("P", "status", "b1", 5));
        Assert.Equal((4L, 5L), (_marks[0].RunFrom, _marks[0].RunThrough));
    }

    [Fact]
    public void A_reboot_starts_a_new_run()
    {
        Classify("P", "status", "b1", 1);
        Classify("P", "status", "b1", 2);
        Assert.Equal(Delivery.New, Classify("P", "status", "b2", 1));
        Assert.Equal((1L, 1L), (_marks[0].RunFrom, _marks[0].RunThrough));
        Assert.Equal(Delivery.New, Classify("P", "status", "b2", 2));
    }

    [Fact]
    public void Only_the_last_few_earlier_boots_are_remembered()
    {
        for (var boot = 1; boot <= 4; boot++)
        {
            Classify("P", "status", $"b{boot}", 1, earlierBoots: 2);
        }

        Assert.Equal(Delivery.Late, Classify("P", "status", "b3", 2, earlierBoots: 2));
        Assert.Equal(Delivery.New, Classify("P", "status", "b1", 2, earlierBoots: 2)); // forgotten: taken as a new boot
    }

    private Delivery Classify(string device, string topic, string boot, long seq, int window = 64, int earlierBoots = 8) =>
        MessageDeduplicator.Classify(_marks, new DeviceMessageMeta(device, topic, boot, seq, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), window, earlierBoots);
}
