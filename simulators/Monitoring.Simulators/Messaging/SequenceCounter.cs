namespace Monitoring.Simulators.Messaging;

/// <summary>`seq` per topic for one boot of a device: starts at 1, increases by one per message.</summary>
public sealed class SequenceCounter
{
    private readonly Dictionary<string, long> _next = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public long Next(string topic)
    {
        lock (_gate)
        {
            var value = _next.GetValueOrDefault(topic) + 1;
            _next[topic] = value;
            return value;
        }
    }

    /// <summary>A reboot: every topic starts again from 1.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _next.Clear();
        }
    }
}
