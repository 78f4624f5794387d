using System.Collections.Concurrent;

namespace Monitoring.Ingest.Pipeline;

/// <summary>
/// Notices a device that sends far more than the contract's rate (a status or vitals at least every 5 s, plus one
/// per change): per device, messages are counted in fixed windows of real time, and those above
/// <c>Ingest:FloodMessagesPerSecondPerDevice</c> times the window are "flood". Nothing is refused or dropped for it:
/// a flooding pump may still be reporting a ceiling breach, so every message is applied; the flood is reported
/// (counted, and logged once per window naming the device) so an operator can find the faulty device.
/// </summary>
public sealed class DeviceFloodDetector(int messagesPerSecond, TimeSpan window, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DeviceWindow> _devices = new(StringComparer.Ordinal);
    private readonly long _limitPerWindow = Math.Max(1, (long)(messagesPerSecond * window.TotalSeconds));

    /// <summary>How many messages one device may send in one window before the rest count as flood.</summary>
    public long LimitPerWindow => _limitPerWindow;

    public TimeSpan Window => window;

    /// <summary>Counts one message of <paramref name="deviceId"/>.</summary>
    /// <returns>Whether it is above the device's limit, and whether it is the first such in this window (log it).</returns>
    public FloodVerdict Count(string deviceId)
    {
        var now = clock.GetUtcNow();
        var state = _devices.GetOrAdd(deviceId, static (_, start) => new DeviceWindow(start), now);
        lock (state)
        {
            if (now - state.Start >= window)
            {
                state.Start = now;
                state.Count = 0;
                state.Reported = false;
            }

            state.Count++;
            if (state.Count <= _limitPerWindow)
            {
                return FloodVerdict.Within;
            }

            if (state.Reported)
            {
                return FloodVerdict.Flood;
            }

            state.Reported = true;
            return FloodVerdict.FloodStarted;
        }
    }

    private sealed class DeviceWindow(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public long Count { get; set; }

        public bool Reported { get; set; }
    }
}
