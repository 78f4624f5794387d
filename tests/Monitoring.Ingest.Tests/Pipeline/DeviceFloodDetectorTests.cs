using Microsoft.Extensions.Time.Testing;
using Monitoring.Ingest.Pipeline;

namespace Monitoring.Ingest.Tests.Pipeline;

/// <summary>The per-device token bucket: a burst, then the sustained rate; a flood is reported once per window, per device.</summary>
public class DeviceFloodDetectorTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Within_the_burst_nothing_is_flagged_above_it_the_first_is_reported_once_per_window()
    {
        var detector = new DeviceFloodDetector(10, 50, TimeSpan.FromSeconds(5), _clock);

        var within = Enumerable.Range(0, 50).Select(_ => detector.Count("pump-1")).ToList();
        var above = Enumerable.Range(0, 30).Select(_ => detector.Count("pump-1")).ToList();

        Assert.All(within, v => Assert.Equal(FloodVerdict.Within, v));
        Assert.Equal(FloodVerdict.FloodStarted, above[0]);
        Assert.All(above.Skip(1), v => Assert.Equal(FloodVerdict.Flood, v));
    }

    [Fact]
    public void Each_device_has_its_own_bucket_and_time_refills_it_at_the_sustained_rate()
    {
        var detector = new DeviceFloodDetector(1, 5, TimeSpan.FromSeconds(5), _clock);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(FloodVerdict.Within, detector.Count("pump-1"));
        }

        Assert.Equal(FloodVerdict.Within, detector.Count("monitor-1"));
        Assert.Equal(FloodVerdict.FloodStarted, detector.Count("pump-1"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(FloodVerdict.Within, detector.Count("pump-1"));
        Assert.Equal(FloodVerdict.Within, detector.Count("pump-1"));
        Assert.Equal(FloodVerdict.Flood, detector.Count("pump-1"));
    }

    [Fact]
    public void A_device_at_the_contracts_rate_and_a_change_every_second_is_never_refused()
    {
        var detector = new DeviceFloodDetector(10, 100, TimeSpan.FromSeconds(5), _clock);
        for (var second = 0; second < 3600; second++)
        {
            Assert.Equal(FloodVerdict.Within, detector.Count("pump-1"));
            if (second % 5 == 0)
            {
                Assert.Equal(FloodVerdict.Within, detector.Count("pump-1"));
            }

            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
