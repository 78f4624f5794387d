using System.Globalization;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Running;

/// <summary>The pass/fail tables: one per scenario, and a summary of all.</summary>
public static class ReportPrinter
{
    public static void PrintScenario(TextWriter output, ScenarioReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var clock = report.VirtualClock ? "virtual clock" : "real time";
        output.WriteLine($"{(report.Passed ? "PASS" : "FAIL")}  {report.Name} ({report.File}) - {DurationParser.Format(report.Simulated)} simulated on {clock} in {report.Wall.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {report.HubEvents} hub event(s)");
        if (report.Fatal is not null)
        {
            output.WriteLine($"      stopped: {report.Fatal}");
        }

        var rows = report.Results.Select(r => new[] { r.Passed ? "pass" : "FAIL", r.Line.ToString(CultureInfo.InvariantCulture), r.What, r.Observed }).ToList();
        if (rows.Count > 0)
        {
            WriteTable(output, ["", "line", "check", "observed"], rows, indent: "      ");
        }

        output.WriteLine();
    }

    public static void PrintSummary(TextWriter output, IReadOnlyList<ScenarioReport> reports)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reports);
        var rows = reports.Select(r => new[]
        {
            r.Passed ? "pass" : "FAIL",
            r.Name,
            $"{r.Results.Count(x => x.Passed)}/{r.Results.Count}",
            DurationParser.Format(r.Simulated),
            r.Wall.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
            r.Fatal ?? "",
        }).ToList();
        WriteTable(output, ["", "scenario", "checks", "simulated", "wall", "note"], rows, indent: "");
        output.WriteLine($"{reports.Count(r => r.Passed)} passed, {reports.Count(r => !r.Passed)} failed");
    }

    /// <summary>Columns padded to their widest cell; the last column is never padded.</summary>
    public static void WriteTable(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, string indent)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        output.WriteLine(indent + Line(header.ToArray(), widths));
        foreach (var row in rows)
        {
            output.WriteLine(indent + Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
