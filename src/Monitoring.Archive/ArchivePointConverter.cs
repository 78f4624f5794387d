using System.Globalization;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace Monitoring.Archive;

/// <summary>Turns an <see cref="ArchivePoint"/> into InfluxDB.Client's <see cref="PointData"/> (millisecond precision).</summary>
public static class ArchivePointConverter
{
    public const WritePrecision Precision = WritePrecision.Ms;

    /// <summary>A measurement name and at least one field value that line protocol can carry.</summary>
    public static bool IsWritable(ArchivePoint point) =>
        point is { Measurement.Length: > 0, Fields: not null, Tags: not null } && point.Fields.Any(f => IsWritableValue(f.Value));

    public static PointData ToPointData(ArchivePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var data = PointData.Measurement(point.Measurement).Timestamp(point.Timestamp.ToUniversalTime(), Precision);
        foreach (var (key, value) in point.Tags)
        {
            if (!string.IsNullOrEmpty(value))
            {
                data = data.Tag(key, value);
            }
        }

        foreach (var (key, value) in point.Fields)
        {
            data = value switch
            {
                double d when double.IsFinite(d) => data.Field(key, d),
                float f when float.IsFinite(f) => data.Field(key, (double)f),
                decimal m => data.Field(key, m),
                int i => data.Field(key, (long)i),
                long l => data.Field(key, l),
                bool b => data.Field(key, b),
                string s => data.Field(key, s),
                double or float or null => data,
                _ => data.Field(key, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
            };
        }

        return data;
    }

    private static bool IsWritableValue(object? value) => value switch
    {
        null => false,
        double d => double.IsFinite(d),
        float f => float.IsFinite(f),
        _ => true,
    };
}
