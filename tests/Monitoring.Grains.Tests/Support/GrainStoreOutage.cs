using System.Collections.Concurrent;

namespace Monitoring.Grains.Tests.Support;

/// <summary>The switch the tests flip: which grains' writes <see cref="SwitchableGrainStorage"/> refuses, and how many it refused.</summary>
public sealed class GrainStoreOutage
{
    private readonly ConcurrentDictionary<string, int> _failing = new(StringComparer.Ordinal);
    private int _refused;

    /// <summary>Writes refused so far (all grains).</summary>
    public int Refused => _refused;

    /// <param name="key">A grain's key: a patient, ward or device id.</param>
    public void FailFor(string key) => _failing[key] = 0;

    public void Heal(string key) => _failing.TryRemove(key, out _);

    public void ThrowIfFailing(GrainId grainId)
    {
        if (_failing.ContainsKey(grainId.Key.ToString()!))
        {
            Interlocked.Increment(ref _refused);
            throw new TimeoutException($"grain store unreachable writing {grainId} {SwitchableGrainStorage.Marker}");
        }
    }
}
