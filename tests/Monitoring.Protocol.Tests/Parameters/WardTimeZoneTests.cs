using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Tests.Parameters;

/// <summary>Times read in the ward's zone, with the offset in force at that instant (daylight saving moves it).</summary>
public sealed class WardTimeZoneTests
{
    private static readonly DateTimeOffset Winter = new(2026, 12, 7, 13, 3, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 1, 13, 3, 5, TimeSpan.Zero);

    [Fact]
    public void London_reads_utc_plus_0_in_winter_and_plus_1_in_summer()
    {
        var london = WardTimeZone.Resolve("Europe/London");

        Assert.Equal("13:03:05 UTC+0", london.Time(Winter));
        Assert.Equal("14:03:05 UTC+1", london.Time(Summer));
        Assert.Equal("2026-07-01 14:03 UTC+1", london.DateTime(Summer));
    }

    [Fact]
    public void The_hour_the_clocks_go_forward_reads_on_both_sides()
    {
        var london = WardTimeZone.Resolve("Europe/London");
        var change = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal("00:59 UTC+0", london.ShortTime(change.AddMinutes(-1)));
        Assert.Equal("02:00 UTC+1", london.ShortTime(change));
    }

    [Fact]
    public void Half_hour_and_negative_offsets_read_with_their_minutes()
    {
        Assert.Equal("18:33 UTC+5:30", WardTimeZone.Resolve("Asia/Kolkata").ShortTime(Winter));
        Assert.Equal("09:33 UTC-3:30", WardTimeZone.Resolve("America/St_Johns").ShortTime(Winter));
        Assert.Equal("08:03 UTC-5", WardTimeZone.Resolve("America/New_York").ShortTime(Winter));
    }

    [Fact]
    public void The_wall_clock_is_neither_utc_nor_this_host_s_zone()
    {
        var wall = WardTimeZone.Resolve("Asia/Tokyo").WallClock(Winter);

        Assert.Equal(new DateTime(2026, 12, 7, 22, 3, 5), wall);
        Assert.Equal(DateTimeKind.Unspecified, wall.Kind);
    }

    [Fact]
    public void An_unknown_zone_is_refused_naming_it()
    {
        var refused = Assert.Throws<ArgumentException>(() => WardTimeZone.Resolve("Mars/Olympus_Mons"));

        Assert.Contains("'Mars/Olympus_Mons' is not an IANA time zone id", refused.Message, StringComparison.Ordinal);
        Assert.False(WardTimeZone.IsKnown("Mars/Olympus_Mons"));
        Assert.False(WardTimeZone.IsKnown(" "));
    }

    [Fact]
    public void Hand_built_parameters_with_an_unknown_zone_read_in_utc_still_labelled()
    {
        Assert.Same(WardTimeZone.Utc, WardTimeZone.Of(new WardParameters(true, "Nowhere/Atlantis")));
        Assert.Equal("13:03:05 UTC+0", WardTimeZone.Utc.Time(Winter));
        Assert.Equal("Europe/London", WardTimeZone.Of(new WardParameters(true, "Europe/London")).Id);
    }
}
