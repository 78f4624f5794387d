using System.ComponentModel.DataAnnotations;

namespace Monitoring.Ingest.Configuration;

/// <summary>Config section "Ingest": the pipeline between the broker and the grains.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>At most this many monitoring/rejected messages per device in any one second; the rest are counted in "suppressed".</summary>
    [Range(1, int.MaxValue)]
    public int RejectedPerSecondPerDevice { get; set; } = 20;

    /// <summary>Worker loops; a device's messages always go to the same one, so they are applied in order.</summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 4;

    /// <summary>Messages each worker may hold waiting; when full the receive handler waits (the broker keeps the rest).</summary>
    [Range(1, int.MaxValue)]
    public int QueueCapacityPerWorker { get; set; } = 1000;

    /// <summary>First wait before a message whose grain could not be reached is tried again; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A device sending more than this many messages a second (averaged over <see cref="FloodWindow"/>) is reported as
    /// flooding: counted and logged with its id. Its messages are still applied. A technical figure, not a clinical
    /// one: the contract asks a status or vitals every 5 s plus one per change, so 10 a second is 50 times that.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int FloodMessagesPerSecondPerDevice { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FloodWindow { get; set; } = TimeSpan.FromSeconds(5);
}
