namespace Monitoring.Archive.Tests.Support;

/// <summary>One series from victoria-metrics' /api/v1/export: its labels (__name__ = measurement_field) and samples.</summary>
public sealed record ExportedSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<double> Values, IReadOnlyList<long> Timestamps)
{
    public string Name => Labels["__name__"];
}
