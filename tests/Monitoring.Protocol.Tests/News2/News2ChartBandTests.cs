using System.Globalization;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.News2;
using static Monitoring.Protocol.Tests.News2.News2Fixture;

namespace Monitoring.Protocol.Tests.News2;

/// <summary>Every band edge of every row of the shipped RCP NEWS2 (2017) chart, from both sides.</summary>
public class News2ChartBandTests
{
    // Each case changes one reading of a well patient (all others score 0), so Total is that row's score.
    private static void AssertOnlyScore(News2Score score, News2Parameter parameter, int expected)
    {
        Assert.Equal(expected, Component(score, parameter).Score);
        Assert.Equal(expected, score.Total);
        Assert.False(score.Partial);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(8, 3)]
    [InlineData(9, 1)]
    [InlineData(11, 1)]
    [InlineData(12, 0)]
    [InlineData(20, 0)]
    [InlineData(21, 2)]
    [InlineData(24, 2)]
    [InlineData(25, 3)]
    [InlineData(60, 3)]
    public void Respiration_rate(int rr, int expected) =>
        AssertOnlyScore(Score(Well with { RespirationRate = Fresh((decimal)rr) }), News2Parameter.RespirationRate, expected);

    [Theory]
    [InlineData(40, 3)]
    [InlineData(91, 3)]
    [InlineData(92, 2)]
    [InlineData(93, 2)]
    [InlineData(94, 1)]
    [InlineData(95, 1)]
    [InlineData(96, 0)]
    [InlineData(100, 0)]
    public void Spo2_scale_1(int spo2, int expected) =>
        AssertOnlyScore(Score(Well with { Spo2 = Fresh((decimal)spo2) }), News2Parameter.Spo2, expected);

    [Theory]
    [InlineData(96, 0)]
    [InlineData(97, 0)]
    [InlineData(100, 0)]
    [InlineData(94, 1)]
    public void Spo2_scale_1_ignores_oxygen_for_the_saturation_band(int spo2, int expected)
    {
        // Scale 1: oxygen scores on its own row (2) and does not move the SpO2 bands.
        var score = Score(Well with { Spo2 = Fresh((decimal)spo2), SupplementalOxygen = Fresh(true) });

        Assert.Equal(expected, Component(score, News2Parameter.Spo2).Score);
        Assert.Equal(expected + 2, score.Total);
    }

    [Theory]
    [InlineData(70, 3)]
    [InlineData(83, 3)]
    [InlineData(84, 2)]
    [InlineData(85, 2)]
    [InlineData(86, 1)]
    [InlineData(87, 1)]
    [InlineData(88, 0)]
    [InlineData(92, 0)]
    [InlineData(93, 0)]
    [InlineData(97, 0)]
    [InlineData(100, 0)]
    public void Spo2_scale_2_on_air(int spo2, int expected) =>
        AssertOnlyScore(Score(Well with { Spo2 = Fresh((decimal)spo2) }, spo2Scale2: true), News2Parameter.Spo2, expected);

    [Theory]
    [InlineData(83, 3)]
    [InlineData(84, 2)]
    [InlineData(85, 2)]
    [InlineData(86, 1)]
    [InlineData(87, 1)]
    [InlineData(88, 0)]
    [InlineData(92, 0)]
    [InlineData(93, 1)]
    [InlineData(94, 1)]
    [InlineData(95, 2)]
    [InlineData(96, 2)]
    [InlineData(97, 3)]
    [InlineData(100, 3)]
    public void Spo2_scale_2_on_oxygen(int spo2, int expected)
    {
        var score = Score(Well with { Spo2 = Fresh((decimal)spo2), SupplementalOxygen = Fresh(true) }, spo2Scale2: true);

        Assert.Equal(expected, Component(score, News2Parameter.Spo2).Score);
        Assert.Equal(expected + 2, score.Total); // + oxygen
        Assert.False(score.Partial);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public void Supplemental_oxygen(bool onOxygen, int expected) =>
        AssertOnlyScore(Score(Well with { SupplementalOxygen = Fresh(onOxygen) }), News2Parameter.SupplementalOxygen, expected);

    [Theory]
    [InlineData(60, 3)]
    [InlineData(90, 3)]
    [InlineData(91, 2)]
    [InlineData(100, 2)]
    [InlineData(101, 1)]
    [InlineData(110, 1)]
    [InlineData(111, 0)]
    [InlineData(219, 0)]
    [InlineData(220, 3)]
    [InlineData(260, 3)]
    public void Systolic(int systolic, int expected) =>
        AssertOnlyScore(Score(Well with { Systolic = Fresh((decimal)systolic) }), News2Parameter.Systolic, expected);

    [Theory]
    [InlineData(0, 3)]
    [InlineData(40, 3)]
    [InlineData(41, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 0)]
    [InlineData(90, 0)]
    [InlineData(91, 1)]
    [InlineData(110, 1)]
    [InlineData(111, 2)]
    [InlineData(130, 2)]
    [InlineData(131, 3)]
    [InlineData(200, 3)]
    public void Pulse(int pulse, int expected) =>
        AssertOnlyScore(Score(Well with { Pulse = Fresh((decimal)pulse) }), News2Parameter.Pulse, expected);

    // Strings, so the decimals never pass through double.
    [Theory]
    [InlineData("33.0", 3)]
    [InlineData("35.0", 3)]
    [InlineData("35.1", 1)]
    [InlineData("36.0", 1)]
    [InlineData("36.1", 0)]
    [InlineData("38.0", 0)]
    [InlineData("38.1", 1)]
    [InlineData("39.0", 1)]
    [InlineData("39.1", 2)]
    [InlineData("41.0", 2)]
    public void Temperature(string celsius, int expected)
    {
        var value = decimal.Parse(celsius, CultureInfo.InvariantCulture);

        AssertOnlyScore(Score(Well with { Temperature = Fresh(value) }), News2Parameter.Temperature, expected);
    }

    [Theory]
    [InlineData(Consciousness.A, 0)]
    [InlineData(Consciousness.C, 3)]
    [InlineData(Consciousness.V, 3)]
    [InlineData(Consciousness.P, 3)]
    [InlineData(Consciousness.U, 3)]
    public void Consciousness_acvpu(Consciousness acvpu, int expected) =>
        AssertOnlyScore(Score(Well with { Consciousness = Fresh(acvpu) }), News2Parameter.Consciousness, expected);

    [Fact]
    public void Components_carry_the_value_as_read_and_its_time()
    {
        var score = Score(Well with { Temperature = Fresh(38.4m), SupplementalOxygen = Fresh(true), Consciousness = Fresh(Consciousness.V) });

        Assert.Equal("38.4", Component(score, News2Parameter.Temperature).Value);
        Assert.Equal("oxygen", Component(score, News2Parameter.SupplementalOxygen).Value);
        Assert.Equal("air", Component(Score(Well), News2Parameter.SupplementalOxygen).Value);
        Assert.Equal("V", Component(score, News2Parameter.Consciousness).Value);
        Assert.Equal(Now, Component(score, News2Parameter.Temperature).At);
        Assert.Equal(Enum.GetValues<News2Parameter>(), score.Components.Select(c => c.Parameter));
    }
}
