using Monitoring.Bench.Phases;
using ScottPlot;
using SkiaSharp;

namespace Monitoring.Bench.Reporting;

/// <summary>
/// bench/results/bench.png: left, throughput against offered load (every step of every search, the baseline and the
/// product); right, publish-to-alertRaised latency against the offered load of the latency phase.
/// </summary>
public static class PlotWriter
{
    private const int PanelWidth = 800;
    private const int PanelHeight = 560;

    public static void Write(BenchReport report, string path)
    {
        var throughput = Throughput(report);
        var latency = Latency(report);
        using var surface = SKSurface.Create(new SKImageInfo(PanelWidth * 2, PanelHeight));
        surface.Canvas.Clear(SKColors.White);
        using (var left = SKBitmap.Decode(throughput.GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png)))
        using (var right = SKBitmap.Decode(latency.GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png)))
        {
            surface.Canvas.DrawBitmap(left, 0, 0);
            surface.Canvas.DrawBitmap(right, PanelWidth, 0);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }

    private static Plot Throughput(BenchReport report)
    {
        var plot = new Plot();
        plot.Title("Processed against offered (each step)");
        plot.XLabel("offered (msg/s)");
        plot.YLabel("processed (msg/s)");
        var max = report.Product.SelectMany(p => p.Steps).Concat(report.Baseline.Steps).Select(s => Math.Max(s.OfferedRate, s.ProcessedRate)).DefaultIfEmpty(1).Max();
        var ideal = plot.Add.Line(0, 0, max, max);
        ideal.LineStyle.Pattern = LinePattern.Dashed;
        ideal.LineColor = Colors.Gray;
        ideal.LegendText = "processed = offered";
        Steps(plot, report.Baseline.Steps, $"baseline (plain subscriber, {report.Baseline.Patients} patients)");
        foreach (var product in report.Product)
        {
            Steps(plot, product.Steps, $"host, {product.Patients:N0} patients");
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static void Steps(Plot plot, IReadOnlyList<StepResult> steps, string label)
    {
        var scatter = plot.Add.ScatterPoints(steps.Select(s => s.OfferedRate).ToArray(), steps.Select(s => s.ProcessedRate).ToArray());
        scatter.MarkerSize = 9;
        scatter.LegendText = label;
    }

    private static Plot Latency(BenchReport report)
    {
        var plot = new Plot();
        var patients = report.Latency.Count > 0 ? report.Latency[0].Load.Patients : 0;
        plot.Title($"publish → alertRaised at a SignalR client ({patients:N0} patients)");
        plot.XLabel("offered load (msg/s)");
        plot.YLabel("latency (ms)");
        var x = report.Latency.Select(l => l.Load.OfferedRate).ToArray();
        foreach (var (label, values) in new[]
        {
            ("p50", report.Latency.Select(l => l.P50Ms)),
            ("p95", report.Latency.Select(l => l.P95Ms)),
            ("p99", report.Latency.Select(l => l.P99Ms)),
        })
        {
            var line = plot.Add.Scatter(x, values.ToArray());
            line.LegendText = label;
            line.MarkerSize = 8;
        }

        var target = plot.Add.HorizontalLine(100);
        target.LinePattern = LinePattern.Dashed;
        target.LegendText = "p99 target at 50 % load (100 ms)";
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
