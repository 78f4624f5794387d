using Microsoft.Extensions.DependencyInjection;
using Monitoring.Dashboard.Components.Layout;
using Monitoring.Dashboard.Services;
using Monitoring.Dashboard.Tests.Support;

namespace Monitoring.Dashboard.Tests;

public sealed class DeviceFeedBannerTests : DashboardContext
{
    private readonly FakeDeviceFeed _feed = new();

    public DeviceFeedBannerTests()
    {
        Services.AddSingleton<IDeviceFeedStatus>(_feed);
        Services.AddSingleton<IWardDirectory>(new FakeWards(("ward-a", "Europe/London")));
    }

    [Fact]
    public void Nothing_shows_while_the_feed_is_live()
    {
        var banner = Render<DeviceFeedBanner>();

        Assert.Empty(banner.FindAll("[data-testid=device-feed-banner]"));
    }

    [Fact]
    public void A_lost_feed_is_an_alert_that_says_since_when_and_sends_the_nurse_to_the_bedside()
    {
        _feed.Set(new DeviceFeedState(DeviceFeedCondition.Lost, Make.Now.AddSeconds(-185), TimeSpan.FromSeconds(185), "MQTT broker: connection lost: broker went away"));

        var banner = Render<DeviceFeedBanner>().Find("[data-testid=device-feed-banner]");

        Assert.Equal("alert", banner.GetAttribute("role"));
        Assert.Equal("lost", banner.GetAttribute("data-state"));
        Assert.Contains("feed-lost", banner.ClassList);
        Assert.Equal("11:56:55 UTC+0", banner.QuerySelector("[data-testid=device-feed-since]")!.TextContent);
        Assert.Contains("for 3 min", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("not reaching this screen", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("Check patients and pumps at the bedside", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("connection lost: broker went away", banner.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_still_making_its_first_connection_says_connecting_not_nothing()
    {
        _feed.Set(new DeviceFeedState(DeviceFeedCondition.Connecting, Make.Now.AddSeconds(-2), TimeSpan.FromSeconds(2), "not connected yet"));

        var banner = Render<DeviceFeedBanner>().Find("[data-testid=device-feed-banner]");

        Assert.Equal("status", banner.GetAttribute("role"));
        Assert.Equal("connecting", banner.GetAttribute("data-state"));
        Assert.Contains("Connecting to pumps and monitors", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("Check patients and pumps at the bedside", banner.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_banner_follows_the_change_events_without_a_new_page_and_stops_listening_when_gone()
    {
        var banner = Render<DeviceFeedBanner>();
        Assert.Equal(1, _feed.Subscribers);

        _feed.Set(new DeviceFeedState(DeviceFeedCondition.Lost, Make.Now, TimeSpan.Zero, "MQTT broker: subscription refused"));
        banner.WaitForAssertion(() => Assert.Equal("lost", banner.Find("[data-testid=device-feed-banner]").GetAttribute("data-state")));

        _feed.Set(new DeviceFeedState(DeviceFeedCondition.Live, Make.Now.AddSeconds(3), TimeSpan.Zero, null));
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=device-feed-banner]")));

        await DisposeComponentsAsync();
        Assert.Equal(0, _feed.Subscribers);
    }
}
