using Microsoft.Extensions.Time.Testing;
using Monitoring.Ingest.Pipeline;

namespace Monitoring.Ingest.Tests.Pipeline;

/// <summary>A device above its rate is flagged once per window, per device, and never more than the messages above it.</summary>
public class DeviceFloodDetectorTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Within_the_rate_nothing_is_flagged_above_it_the_first_is_reported_once_per_window()
    {
        var detector = new DeviceFloodDetector(10, TimeSpan.FromSeconds(5), _clock);

        var within = Enumerable.Range(0, 50).Select(_ => detector.Count("pump-1")).ToList();
        var above = Enumerable.Range(0, 30).Select(_ => detector.Count("pump-1")).ToList();

        Assert.Equal(50, detector.LimitPerWindow);
        Assert.All(within, v => Assert.Equal(FloodVerdict.Within, v));
        Assert.Equal(FloodVerdict.FloodStarted, above[0]);
        Assert.All(above.Skip(1), v => Assert.Equal(FloodVerdict.Flood, v));
    }

    [Fact]
    public void Each_device_has_its_own_count_and_a_new_window_starts_afresh()
    {
        var detector = new DeviceFloodDetector(1, TimeSpan.FromSeconds(5), _clock);
        for (var i = 0; i < 6; i++)
        {
            detector.Count("pump-1");
        }

        Assert.Equal(FloodVerdict.Within, detector.Count("monitor-1"));
        Assert.Equal(FloodVerdict.Flood, detector.Count("pump-1"));

        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(FloodVerdict.Within, detector.Count("pump-1"));
    }
}
