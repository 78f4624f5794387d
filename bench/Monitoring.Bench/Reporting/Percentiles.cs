namespace Monitoring.Bench.Reporting;

/// <summary>Nearest-rank percentiles of a sample.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
}
