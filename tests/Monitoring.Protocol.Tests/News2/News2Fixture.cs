using Monitoring.Protocol.Model;
using Monitoring.Protocol.News2;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.News2;

/// <summary>The shipped chart, a fixed clock and a well patient every test varies one reading of.</summary>
internal static class News2Fixture
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static News2Parameters P => SeedProtocol.Parameters.News2;

    public static TimedValue<T> Fresh<T>(T value) => new(value, Now);

    public static TimedValue<T> AgedBy<T>(T value, TimeSpan age) => new(value, Now - age);

    // RCP chart: RR 16 (0), SpO2 97 (0), air (0), systolic 125 (0), pulse 72 (0), A (0), 37.0 (0) = 0.
    public static News2Observations Well { get; } = new(
        RespirationRate: Fresh(16m),
        Spo2: Fresh(97m),
        SupplementalOxygen: Fresh(false),
        Systolic: Fresh(125m),
        Pulse: Fresh(72m),
        Consciousness: Fresh(Consciousness.A),
        Temperature: Fresh(37.0m));

    public static News2Score Score(News2Observations obs, bool spo2Scale2 = false) =>
        News2Calculator.Calculate(obs, spo2Scale2, Now, P);

    public static News2Level Level(News2Score score) => News2Calculator.Classify(score, P);

    public static News2Component Component(News2Score score, News2Parameter parameter) =>
        Assert.Single(score.Components, c => c.Parameter == parameter);
}
