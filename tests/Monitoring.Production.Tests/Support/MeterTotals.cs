using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// Sums one host's counters of one meter (the meter created by that host's IMeterFactory, so another host in the same
/// process is not counted), by instrument name and the value of one tag (e.g. "topic" for ingest, "reason" for the
/// archive's drops).
/// </summary>
public sealed class MeterTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public MeterTotals(ProductionHost host, string meterName, string tagKey)
        : this(meterName, tagKey, ScopeOf(host))
    {
    }

    /// <param name="isHost">Tells the host's meter factory (the meter's scope) from others: for a host that is not started yet.</param>
    public MeterTotals(string meterName, string tagKey, Func<object?, bool> isHost)
    {
        ArgumentNullException.ThrowIfNull(isHost);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && isHost(instrument.Meter.Scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tag = "";
            foreach (var pair in tags)
            {
                if (pair.Key == tagKey)
                {
                    tag = pair.Value as string ?? "";
                }
            }

            _totals.AddOrUpdate($"{instrument.Name}/{tag}", value, (_, total) => total + value);
        });
        _listener.Start();
    }

    /// <summary>The total of counter <paramref name="name"/> for one value of the tag since this listener started.</summary>
    public long Total(string name, string tag) => _totals.TryGetValue($"{name}/{tag}", out var total) ? total : 0;

    public void Dispose() => _listener.Dispose();

    private static Func<object?, bool> ScopeOf(ProductionHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var scope = host.Factory.Services.GetRequiredService<IMeterFactory>();
        return candidate => ReferenceEquals(candidate, scope);
    }
}
