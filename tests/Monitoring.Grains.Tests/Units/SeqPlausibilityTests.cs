using Monitoring.Contracts.Messages;
using Monitoring.Grains.Patients;

namespace Monitoring.Grains.Tests.Units;

/// <summary>Issue 13 item 1: one bad seq must not freeze a bed (interfaces.md, "Sequence plausibility").</summary>
public sealed class SeqPlausibilityTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly List<DeviceWatermark> _marks = [];

    [Fact]
    public void A_seq_far_ahead_is_refused_and_the_real_seqs_after_it_stay_new()
    {
        Assert.Equal(Delivery.New, Classify(10, 0));
        Assert.Equal(Delivery.SeqJump, Classify(long.MaxValue / 2, 1));
        Assert.Equal(Delivery.New, Classify(11, 2));
        Assert.Equal(Delivery.New, Classify(12, 3));
        Assert.Equal(Delivery.Duplicate, Classify(12, 3));
    }

    [Fact]
    public void A_jump_at_the_limit_is_taken_and_one_past_it_is_not()
    {
        Classify(1, 0);
        Assert.Equal(Delivery.SeqJump, Classify(1 + SeqPlausibility.Default.MaxJump + 1, 1));
        Assert.Equal(Delivery.New, Classify(1 + SeqPlausibility.Default.MaxJump, 2));
    }

    [Fact]
    public void A_device_that_carries_on_from_its_jump_is_followed_at_its_next_message()
    {
        Classify(5, 0);
        Assert.Equal(Delivery.SeqJump, Classify(50_000, 1));
        Assert.Equal(Delivery.New, Classify(50_001, 2));
        Assert.Equal(Delivery.New, Classify(50_002, 3));
        Assert.Equal(Delivery.Late, Classify(6, 4 - 10)); // an old message with its old clock stays late
    }

    [Fact]
    public void A_reset_without_a_new_boot_id_is_applied_as_a_restart_once_its_clock_moves_on()
    {
        for (var seq = 1; seq <= 400; seq++)
        {
            Classify(seq, seq);
        }

        Assert.Equal(Delivery.SeqReset, Classify(1, 405));
        Assert.Equal(Delivery.New, Classify(2, 410));
        Assert.Equal(Delivery.Duplicate, Classify(2, 410));
    }

    [Fact]
    public void A_copy_from_another_host_keeps_its_clock_and_stays_a_duplicate_or_late()
    {
        for (var seq = 1; seq <= 300; seq++)
        {
            Classify(seq, seq);
        }

        // The same messages again, each with the clock it was sent with: never a reset.
        for (var seq = 1; seq <= 300; seq++)
        {
            Assert.Equal(Delivery.Duplicate, Classify(seq, seq));
        }

        Assert.Equal(Delivery.Late, Classify(0, 0));
    }

    [Fact]
    public void A_clock_far_off_the_servers_is_not_used_to_call_a_reset()
    {
        // Seq 2 from a clock five minutes slow, then seq 1 with the right time: an older message (OutOfOrderDeliveryTests).
        Assert.Equal(Delivery.New, Classify(2, 0, skew: TimeSpan.FromMinutes(-5)));
        Assert.Equal(Delivery.Late, Classify(1, 1));
    }

    private Delivery Classify(long seq, int second, TimeSpan skew = default)
    {
        var received = Start.AddSeconds(second);
        return MessageDeduplicator.Classify(_marks, new DeviceMessageMeta("P", "status", "b1", seq, received + skew, received), 256, 8);
    }
}
