using Monitoring.Protocol.News2;
using static Monitoring.Protocol.Tests.News2.News2Fixture;

namespace Monitoring.Protocol.Tests.News2;

/// <summary>The response thresholds of the shipped chart: aggregate 5-6 or a red 3 is Medium, 7 or more is High.</summary>
public class News2LevelTests
{
    [Theory]
    [InlineData(0, 0, News2Level.None)]
    [InlineData(2, 2, News2Level.None)]
    [InlineData(4, 2, News2Level.None)]
    [InlineData(3, 3, News2Level.Medium)]
    [InlineData(4, 3, News2Level.Medium)]
    [InlineData(5, 1, News2Level.Medium)]
    [InlineData(5, 2, News2Level.Medium)]
    [InlineData(6, 2, News2Level.Medium)]
    [InlineData(6, 3, News2Level.Medium)]
    [InlineData(7, 2, News2Level.High)]
    [InlineData(7, 3, News2Level.High)]
    [InlineData(10, 2, News2Level.High)]
    [InlineData(20, 3, News2Level.High)]
    public void Thresholds(int total, int highestSingle, News2Level expected) =>
        Assert.Equal(expected, Level(new News2Score(total, false, highestSingle, [], [])));

    [Fact]
    public void The_shipped_thresholds_are_the_rcp_ones()
    {
        Assert.Equal(5, P.MediumAggregate);
        Assert.Equal(3, P.MediumSingleParameter);
        Assert.Equal(7, P.HighAggregate);
        Assert.Equal(2, P.SupplementalOxygenScore);
        Assert.Equal(3, P.NewConfusionOrWorseScore);
    }
}
