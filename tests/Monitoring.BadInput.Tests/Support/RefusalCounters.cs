using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.EndToEnd.Tests.Support;
using Monitoring.Ingest.Pipeline;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>One host's monitoring.ingest.refused counter, by its "reason" tag (the field at fault), and its applied counter.</summary>
public sealed class RefusalCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _refused = new(StringComparer.Ordinal);
    private long _applied;

    public RefusalCounters(HostFixture host)
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
            if (instrument.Name == "monitoring.ingest.applied")
            {
                Interlocked.Add(ref _applied, value);
                return;
            }

            if (instrument.Name != "monitoring.ingest.refused")
            {
                return;
            }

            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    _refused.AddOrUpdate(tag.Value as string ?? "", value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    public long Applied => Interlocked.Read(ref _applied);

    public IReadOnlyDictionary<string, long> Refused => new SortedDictionary<string, long>(_refused, StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();
}
