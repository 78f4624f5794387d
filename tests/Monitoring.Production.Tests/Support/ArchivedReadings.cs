using System.Globalization;
using Monitoring.Archive.Tests.Support;
using Monitoring.Contracts.Views;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// What the host applied, as its snapshots showed it (heart rate at its receipt time; dose rate and pump rate at the
/// pump's last message time), and the check that victoria-metrics holds exactly that (docs/archive.md: series
/// measurement_field, tags as labels, millisecond times).
/// </summary>
public sealed class ArchivedReadings
{
    public List<(long At, double Value)> HeartRates { get; } = [];

    public List<(long At, double Value)> DoseRates { get; } = [];

    public List<(long At, double Value)> PumpRates { get; } = [];

    public int Count => HeartRates.Count;

    /// <summary>A series selector for one patient's samples of <paramref name="name"/> (e.g. vitals_heartRate).</summary>
    public static string Selector(string name, string patientId) => $"{{__name__=\"{name}\",patient=\"{patientId}\"}}";

    /// <summary>Every distinct (ms timestamp, value) of the series, oldest first (a point written twice is still one).</summary>
    public static List<(long At, double Value)> Samples(IReadOnlyList<ExportedSeries> series) =>
        [.. series.SelectMany(s => s.Timestamps.Zip(s.Values)).Distinct().OrderBy(s => s.First).Select(s => (s.First, s.Second))];

    public void Add(PatientSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var heartRate = snapshot.Vitals.HeartRate ?? throw new ArgumentException("the snapshot has no heart rate", nameof(snapshot));
        HeartRates.Add((heartRate.At.ToUnixTimeMilliseconds(), double.Parse(heartRate.Value, CultureInfo.InvariantCulture)));
        if (snapshot.Pump is { LastMessageAt: { } at, RateMlPerHour: { } rate } && snapshot.DoseRateMgPerKgPerHour is { } doseRate)
        {
            DoseRates.Add((at.ToUnixTimeMilliseconds(), (double)doseRate));
            PumpRates.Add((at.ToUnixTimeMilliseconds(), (double)rate));
        }
    }

    public ArchivedReadings Concat(ArchivedReadings more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var all = new ArchivedReadings();
        foreach (var source in new[] { this, more })
        {
            all.HeartRates.AddRange(source.HeartRates);
            all.DoseRates.AddRange(source.DoseRates);
            all.PumpRates.AddRange(source.PumpRates);
        }

        return all;
    }

    /// <summary>Victoria-metrics holds each expected sample of each series once, at its time, with its value, and nothing else.</summary>
    public async Task AssertArchived(VictoriaMetricsServer archive, string patientId)
    {
        ArgumentNullException.ThrowIfNull(archive);
        foreach (var (name, expected) in new[] { ("vitals_heartRate", HeartRates), ("dose_doseRateMgPerKgPerHour", DoseRates), ("dose_rateMlPerHour", PumpRates) })
        {
            var archived = await Polling.Until(
                async () => Samples(await archive.ExportAsync(Selector(name, patientId))),
                s => s.Count >= expected.Count,
                $"{expected.Count} sample(s) of {name} in victoria-metrics", ProductionHost.Generous);
            Assert.Equal(expected.Select(e => e.At), archived.Select(a => a.At));
            Assert.All(
                expected.Zip(archived),
                pair => Assert.True(Math.Abs(pair.First.Value - pair.Second.Value) <= 1e-9, $"{name} at {pair.First.At}: expected {pair.First.Value}, archived {pair.Second.Value}"));
        }
    }
}
