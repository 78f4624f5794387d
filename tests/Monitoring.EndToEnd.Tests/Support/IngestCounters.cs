using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Ingest.Pipeline;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// Listens to one host's ingest counters (meter "Monitoring.Ingest" of that host's IMeterFactory, so another host
/// in the same process is not counted): applied, duplicates, late, received (by their "topic" tag) and refused (by
/// its "reason" tag, the field at fault).
/// </summary>
public sealed class IngestCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public IngestCounters(HostFixture host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var scope = host.Factory.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var topic = "";
            foreach (var tag in tags)
            {
                if (tag.Key is "topic" or "reason")
                {
                    topic = tag.Value as string ?? "";
                }
            }

            _totals.AddOrUpdate($"{instrument.Name}/{topic}", value, (_, total) => total + value);
        });
        _listener.Start();
    }

    /// <summary>The total of counter <paramref name="name"/> (e.g. "monitoring.ingest.duplicates") for one topic tag since this listener started.</summary>
    public long Total(string name, string topic) => _totals.TryGetValue($"{name}/{topic}", out var total) ? total : 0;

    /// <summary>Every tag value of counter <paramref name="name"/> seen so far, with its total (e.g. monitoring.ingest.refused by field).</summary>
    public IReadOnlyDictionary<string, long> ByTag(string name) =>
        new SortedDictionary<string, long>(
            _totals.Where(t => t.Key.StartsWith(name + "/", StringComparison.Ordinal)).ToDictionary(t => t.Key[(name.Length + 1)..], t => t.Value),
            StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();
}
