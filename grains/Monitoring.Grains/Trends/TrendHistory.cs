using Monitoring.Contracts.Views;
using Monitoring.Grains.Options;

namespace Monitoring.Grains.Trends;

/// <summary>
/// A patient's charted series, in the grain's memory only (not persisted): the dashboard's 12 h view. After a
/// failover it starts empty; the durable record of readings is the archive's job.
/// </summary>
public sealed class TrendHistory(TrendOptions options)
{
    public const string DoseRate = "doseRate";
    public const string Spo2 = "spo2";
    public const string RespRate = "respRate";
    public const string HeartRate = "heartRate";
    public const string Pain = "pain";
    public const string Systolic = "systolic";

    private static readonly (string Name, string Unit)[] Series =
    [
        (DoseRate, "mg/kg/h"), (Spo2, "%"), (RespRate, "/min"), (HeartRate, "/min"), (Pain, "NRS"), (Systolic, "mmHg"),
    ];

    private readonly Dictionary<string, TrendBuffer> _buffers = Series.ToDictionary(s => s.Name, _ => new TrendBuffer(options), StringComparer.Ordinal);

    public void Add(string series, DateTimeOffset at, decimal? value, DateTimeOffset now)
    {
        if (value is { } v && _buffers.TryGetValue(series, out var buffer))
        {
            buffer.Add(at, v, now);
        }
    }

    public PatientTrends Window(string patientId, TimeSpan window, DateTimeOffset now)
    {
        var span = window <= TimeSpan.Zero || window > options.Retention ? options.Retention : window;
        var from = now - span;
        var series = new List<TrendSeries>(Series.Length);
        foreach (var (name, unit) in Series)
        {
            var buffer = _buffers[name];
            buffer.Compact(now);
            series.Add(new TrendSeries(name, unit, buffer.Since(from)));
        }

        return new PatientTrends(patientId, from, now, series);
    }
}
