using System.ComponentModel.DataAnnotations;

namespace Monitoring.Ingest.Configuration;

/// <summary>Config section "Ingest": the pipeline between the broker and the grains.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>At most this many monitoring/rejected messages per device in any one second; the rest are counted in "suppressed".</summary>
    [Range(1, int.MaxValue)]
    public int RejectedPerSecondPerDevice { get; set; } = 20;

    /// <summary>
    /// Messages handed to the grains at once, over all devices. Each device's messages go one at a time, in order, and
    /// devices take turns (a fair queue), so one device's backlog delays another's message by at most one hand-over per
    /// place here; a device waiting to retry holds no place.
    /// </summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 16;

    /// <summary>
    /// The longest one hand-over to the grains is waited for. Past it the message is treated as not delivered (not
    /// acknowledged) and retried like an unreachable grain, and its place goes to other devices; a late answer of the
    /// first attempt is a duplicate for the grain.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan HandoverTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait before a message whose grain could not be reached is tried again; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The per-device rate limit, sustained (messages a second of the product's clock, per device; per patient for
    /// observations): above it, after <see cref="FloodBurstPerDevice"/>, a message is refused and reported. A technical
    /// figure, not a clinical one: the contract asks a status or vitals every 5 s plus one per change.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int FloodMessagesPerSecondPerDevice { get; set; } = 10;

    /// <summary>How many messages one device may send at once before the sustained rate applies.</summary>
    [Range(1, int.MaxValue)]
    public int FloodBurstPerDevice { get; set; } = 100;

    /// <summary>A flooding device is logged, and its bed told (DEVICE_DATA_INVALID), at most once per this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromSeconds(5);
}
