using System.Collections.Concurrent;

namespace Monitoring.Contracts.Grains;

/// <summary>
/// Grain references by key, made once. Orleans' <c>GetGrain</c> resolves the grain interface type by reflection
/// (custom attributes) on every call; on the ingest path that was about a fifth of the host's grain and ingest CPU
/// under load (docs/performance.md). A reference is immutable and safe to share. Bounded: past
/// <paramref name="capacity"/> keys the cache starts again, so a stream of unknown ids cannot grow it without end.
/// </summary>
public sealed class GrainReferences<TGrain>(IGrainFactory factory, int capacity = 100_000)
    where TGrain : IGrainWithStringKey
{
    private readonly ConcurrentDictionary<string, TGrain> _byKey = new(StringComparer.Ordinal);

    public TGrain this[string key]
    {
        get
        {
            if (_byKey.TryGetValue(key, out var grain))
            {
                return grain;
            }

            if (_byKey.Count >= capacity)
            {
                _byKey.Clear();
            }

            return _byKey.GetOrAdd(key, factory.GetGrain<TGrain>(key));
        }
    }
}
