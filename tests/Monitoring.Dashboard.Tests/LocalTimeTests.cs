using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Views;
using Monitoring.Dashboard.Components.Alerts;
using Monitoring.Dashboard.Components.Layout;
using Monitoring.Dashboard.Components.Ward;
using Monitoring.Dashboard.Display;
using Monitoring.Dashboard.Services;
using Monitoring.Dashboard.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Dashboard.Tests;

/// <summary>
/// Every time on screen reads in the ward's zone with its offset (issue 12 item 10). <see cref="Make.Now"/> is
/// 12:00 UTC on 28 November: 21:00 in Tokyo, 12:00 in London (UTC+0 in winter).
/// </summary>
public sealed class LocalTimeTests : DashboardContext
{
    private static readonly WardTimeZone Tokyo = WardTimeZone.Resolve("Asia/Tokyo");
    private readonly FakeDeviceFeed _feed = new();

    public LocalTimeTests()
    {
        SignInAs("nurse", "Nurse");
        Services.AddSingleton<IDeviceFeedStatus>(_feed);
    }

    [Fact]
    public void An_acknowledgement_and_a_re_alarm_read_in_the_cascaded_ward_zone()
    {
        var list = Render<AlertList>(a => a
            .AddCascadingValue(Tokyo)
            .Add(l => l.Alerts, [Make.Alert("ack", state: AlertState.Acknowledged, reAlarmedAt: Make.Now.AddSeconds(-5))])
            .Add(l => l.CanAcknowledge, false));

        Assert.Contains("at 21:00:00 UTC+9", list.Find("[data-testid=alert-state]").TextContent, StringComparison.Ordinal);
        Assert.Contains("20:59:55 UTC+9", list.Find("[data-testid=re-alarmed]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_ward_zone_a_time_still_says_it_is_utc()
    {
        var list = Render<AlertList>(a => a.Add(l => l.Alerts, [Make.Alert("ack", state: AlertState.Acknowledged)]).Add(l => l.CanAcknowledge, false));

        Assert.Contains("at 12:00:00 UTC+0", list.Find("[data-testid=alert-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stopped_course_on_a_tile_reads_in_the_ward_zone()
    {
        var snapshot = Make.Snapshot() with { CourseStoppedAt = Make.Now.AddMinutes(-30) };

        var tile = Render<BedTile>(t => t
            .AddCascadingValue(Tokyo)
            .Add(b => b.BedId, "bed-01").Add(b => b.WardId, "ward-a").Add(b => b.Snapshot, snapshot)
            .Add(b => b.Scale, DoseScale.From(Seeds.Parameters)).Add(b => b.Freshness, Freshness.From(Seeds.Parameters)));

        Assert.Contains("Course stopped 20:30:00 UTC+9", tile.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_names_its_zone_and_the_offset_now()
    {
        var note = Render<ZoneNote>(p => p.AddCascadingValue(Tokyo));

        Assert.Contains("times in Asia/Tokyo (now UTC+9)", note.Find("[data-testid=ward-zone]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asia/Tokyo", "20:56:55 UTC+9")] // the wards share a zone: the host's banner reads in it
    [InlineData("Europe/London", "11:56:55 UTC+0")] // they do not: UTC, labelled
    public void The_feed_banner_reads_in_the_wards_shared_zone_else_in_utc(string secondWardZone, string expected)
    {
        Services.AddSingleton<IWardDirectory>(new FakeWards(("ward-a", "Asia/Tokyo"), ("ward-b", secondWardZone)));
        _feed.Set(new DeviceFeedState(DeviceFeedCondition.Lost, Make.Now.AddSeconds(-185), TimeSpan.FromSeconds(185), "broker went away"));

        var since = Render<DeviceFeedBanner>().Find("[data-testid=device-feed-since]");

        Assert.Equal(expected, since.TextContent);
    }

    [Fact]
    public void Chart_points_sit_at_the_ward_s_wall_clock()
    {
        var points = new List<TrendPoint> { new(Make.Now, 1m, 1m, 1m), new(Make.Now.AddMinutes(5), 2m, 2m, 2m) };

        var charted = ChartThinning.Thin(points, 300, Tokyo);

        Assert.Equal([new DateTime(2026, 11, 28, 21, 0, 0), new DateTime(2026, 11, 28, 21, 5, 0)], charted.Select(c => c.At));
    }
}
