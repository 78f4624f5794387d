using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Tests;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("1.5s", 1.5)]
    [InlineData("500ms", 0.5)]
    [InlineData("-90s", -90)]
    [InlineData("00:05:00", 300)]
    public void Reads_what_people_write(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 minutes")]
    [InlineData("5mx")]
    [InlineData("m5")]
    public void Refuses_anything_else(string text) => Assert.False(DurationParser.TryParse(text, out _));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(5400, "1h30m")]
    [InlineData(90061, "1d1h1m1s")]
    [InlineData(-90, "-1m30s")]
    public void Formats_short(double seconds, string text) => Assert.Equal(text, DurationParser.Format(TimeSpan.FromSeconds(seconds)));
}
