using System.Collections.Concurrent;

namespace Monitoring.Grains.Tests.Support;

/// <summary>The switch the tests flip: which grains' writes <see cref="SwitchableGrainStorage"/> refuses, how, and how many it refused.</summary>
public sealed class GrainStoreOutage
{
    private readonly ConcurrentDictionary<string, StoreRefusal> _failing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _written = new(StringComparer.Ordinal);
    private int _refused;

    /// <summary>Writes the store applied for the grain with this key (a patient, ward or device id) so far.</summary>
    public int Written(string key) => _written.TryGetValue(key, out var n) ? n : 0;

    /// <summary>Writes refused so far (all grains).</summary>
    public int Refused => _refused;

    /// <summary>Refuses the grain's writes, after <paramref name="afterWrites"/> more have gone through.</summary>
    /// <param name="key">A grain's key: a patient, ward or device id.</param>
    public void FailFor(string key, int afterWrites = 0) => _failing[key] = new StoreRefusal(afterWrites, AppliesFirst: false);

    /// <summary>Stores each of the grain's writes and then fails it, as a Redis timeout after Redis applied the write does.</summary>
    public void FailAfterApplyingFor(string key) => _failing[key] = new StoreRefusal(0, AppliesFirst: true);

    public void Heal(string key) => _failing.TryRemove(key, out _);

    /// <summary>Runs <paramref name="write"/> (the inner storage's), or refuses it, as this grain's refusal says.</summary>
    public async Task WriteAsync(GrainId grainId, Func<Task> write)
    {
        var key = grainId.Key.ToString()!;
        async Task Apply()
        {
            await write();
            _written.AddOrUpdate(key, 1, (_, n) => n + 1);
        }

        if (!_failing.TryGetValue(key, out var refusal))
        {
            await Apply();
            return;
        }

        if (refusal.WritesLeft > 0)
        {
            _failing[key] = refusal with { WritesLeft = refusal.WritesLeft - 1 };
            await Apply();
            return;
        }

        if (refusal.AppliesFirst)
        {
            await Apply();
        }

        Refuse(grainId);
    }

    public void ThrowIfFailing(GrainId grainId)
    {
        if (_failing.ContainsKey(grainId.Key.ToString()!))
        {
            Refuse(grainId);
        }
    }

    private void Refuse(GrainId grainId)
    {
        Interlocked.Increment(ref _refused);
        throw new TimeoutException($"grain store unreachable writing {grainId} {SwitchableGrainStorage.Marker}");
    }
}
