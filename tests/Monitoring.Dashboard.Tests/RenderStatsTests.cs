using Monitoring.Dashboard.Components.Ward;
using Monitoring.Dashboard.Tests.Support;

namespace Monitoring.Dashboard.Tests;

public sealed class RenderStatsTests : DashboardContext
{
    [Fact]
    public void The_counters_are_data_for_tests_not_text_for_the_ward()
    {
        var stats = Render<RenderStats>(p => p.Add(s => s.Pushes, 120).Add(s => s.Renders, 9));

        var element = stats.Find("[data-testid=render-stats]");
        Assert.True(element.HasAttribute("hidden"));
        Assert.Equal("120", element.GetAttribute("data-pushes"));
        Assert.Equal("9", element.GetAttribute("data-renders"));
        Assert.Equal("", element.TextContent.Trim());
    }
}
