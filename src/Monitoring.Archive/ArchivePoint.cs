namespace Monitoring.Archive;

/// <summary>
/// One point for the archive: an InfluxDB measurement, its time (UTC, written at millisecond precision), its
/// tags (indexed; ids and low-cardinality names only, never a patient's name) and its fields (double,
/// decimal, int, long, bool or string). See docs/archive.md and <see cref="ArchivePoints"/>.
/// </summary>
public sealed record ArchivePoint(
    string Measurement,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, object> Fields,
    ArchivePointClass Class = ArchivePointClass.Reading);
