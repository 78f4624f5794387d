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
    public void A_seq_below_the_remembered_window_counts_as_late()
    {
        for (var seq = 1; seq <= 10; seq++)
        {
            Classify("P", "status", "b1", seq, window: 4);
        }

        Assert.Equal(Delivery.Late, Classify("P", "status", "b1", 2, window: 4));
        Assert.Equal(Delivery.Duplicate, Classify("P", "status", "b1", 9, window: 4));
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
