using System.Collections.Concurrent;

namespace Monitoring.Ingest.Pipeline;

/// <summary>
/// The per-device rate limit (interfaces.md, "Floods"): a token bucket per device (per patient for observations) of
/// <c>Ingest:FloodBurstPerDevice</c> messages, refilled at <c>Ingest:FloodMessagesPerSecondPerDevice</c> a second of
/// the product's clock. The contract's devices send a status or vitals every 5 s plus one per change, far inside it,
/// so every message of a normal device is applied; above it a message is refused (acknowledged, reported), which keeps
/// one device from filling the broker's in-flight window that every device shares. A flood is logged at most once per
/// <c>Ingest:FloodWindow</c> per device.
/// </summary>
public sealed class DeviceFloodDetector(int messagesPerSecond, int burst, TimeSpan window, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> _devices = new(StringComparer.Ordinal);

    public DeviceFloodDetector(int messagesPerSecond, TimeSpan window, TimeProvider clock)
        : this(messagesPerSecond, Math.Max(1, (int)(messagesPerSecond * window.TotalSeconds)), window, clock)
    {
    }

    /// <summary>How many messages one device may send at once before the sustained rate applies.</summary>
    public long LimitPerWindow => burst;

    public int MessagesPerSecond => messagesPerSecond;

    public TimeSpan Window => window;

    /// <summary>Takes one message of <paramref name="deviceId"/> from its bucket.</summary>
    /// <returns>Within the limit, or above it (refuse it), and whether to log the flood now.</returns>
    public FloodVerdict Count(string deviceId)
    {
        var now = clock.GetUtcNow();
        var bucket = _devices.GetOrAdd(deviceId, static (_, state) => new Bucket(state.now, state.burst), (now, burst));
        lock (bucket)
        {
            var elapsed = (now - bucket.At).TotalSeconds;
            if (elapsed > 0)
            {
                bucket.Tokens = Math.Min(burst, bucket.Tokens + (elapsed * messagesPerSecond));
                bucket.At = now;
            }

            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return FloodVerdict.Within;
            }

            if (bucket.ReportedAt is { } reported && now - reported < window)
            {
                return FloodVerdict.Flood;
            }

            bucket.ReportedAt = now;
            return FloodVerdict.FloodStarted;
        }
    }

    private sealed class Bucket(DateTimeOffset at, double tokens)
    {
        public DateTimeOffset At { get; set; } = at;

        public double Tokens { get; set; } = tokens;

        public DateTimeOffset? ReportedAt { get; set; }
    }
}
