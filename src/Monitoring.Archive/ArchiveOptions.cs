using System.ComponentModel.DataAnnotations;

namespace Monitoring.Archive;

/// <summary>
/// The "Archive" section (environment Archive__Url, Archive__Token, Archive__Org, Archive__Bucket). With no
/// Url there is no archive: <see cref="ArchiveServiceCollectionExtensions.AddArchive"/> registers nothing.
/// The token is a secret: configuration or environment only.
/// </summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>InfluxDB 2 base URL, e.g. http://influxdb:8086.</summary>
    public string? Url { get; set; }

    /// <summary>API token with write access to <see cref="Bucket"/>.</summary>
    public string? Token { get; set; }

    public string? Org { get; set; }

    public string? Bucket { get; set; }

    /// <summary>Readings (vitals, dose) held while the server is slow or down; when full the OLDEST is dropped and counted.</summary>
    [Range(1, 10_000_000)]
    public int BufferCapacity { get; set; } = 50_000;

    /// <summary>Alerts and commands, held apart so a flood of readings never pushes one out; when full the OLDEST is dropped and counted.</summary>
    [Range(1, 1_000_000)]
    public int EventBufferCapacity { get; set; } = 10_000;

    /// <summary>Points per write request.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 5_000;

    /// <summary>How long the writer lets a partial batch fill before writing it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First wait after a failed write; doubled on each further failure up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A write that has not answered by then counts as failed (and is retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Drops are logged at most once per interval (a summary: how many, which time range).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan DropLogInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At shutdown, how long the writer may spend writing what is still buffered.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}
