using System.Globalization;
using System.Text;
using Monitoring.Bench.Phases;

namespace Monitoring.Bench.Reporting;

/// <summary>bench/results/results.md: the run's figures against the issue's targets, then every step.</summary>
public static class MarkdownReport
{
    private const double MiB = 1024 * 1024;

    public static string Write(BenchReport r)
    {
        var md = new StringBuilder();
        Line(md, $"# Load bench results ({r.Mode} run)");
        Line(md, "");
        Line(md, $"Started {r.StartedAt:yyyy-MM-dd HH:mm} UTC, took {r.TotalSeconds / 60:0.0} min. Machine: {r.Machine.Cpu}, {r.Machine.Cores} cores, {r.Machine.MemoryBytes / MiB / 1024:0.0} GiB, {r.Machine.Os}, {r.Machine.Runtime}; load average at start {r.Machine.LoadAverageAtStart:0.0}.");
        Line(md, "Regenerate with `bench/run.sh` (see docs/performance.md for the method and the settings).");
        Line(md, "");
        foreach (var note in r.Notes)
        {
            Line(md, $"> {note}");
            Line(md, ">");
        }

        Line(md, "");
        Line(md, "## Against the targets");
        Line(md, "");
        Line(md, "| target | measured | met |");
        Line(md, "|---|---|---|");
        foreach (var p in r.Product)
        {
            var ratio = r.RatioToBaseline(p);
            Line(md, $"| ingest >= 70 % of baseline at {p.Patients:N0} patients | {p.SustainedRate:N0} msg/s = {ratio:P0} of {r.Baseline.SustainedRate:N0} | {Met(ratio >= 0.7)} |");
        }

        if (r.Latency.FirstOrDefault(l => Math.Abs(l.LoadShare - 0.5) < 0.01) is { } half)
        {
            Line(md, $"| p99 publish-to-alertRaised <= 100 ms at 50 % load | {half.P99Ms:0} ms ({half.Probes} probes, {half.Missed} missed) | {Met(half.P99Ms <= 100 && half.Missed == 0)} |");
        }

        if (r.Memory.Count > 0 && r.Memory[^1] is { } most)
        {
            Line(md, $"| {most.Patients:N0} patients in <= 2 GiB host RSS | {most.HostRssBytes / MiB:N0} MiB | {Met(most.HostRssBytes <= 2L * 1024 * 1024 * 1024)} |");
        }

        Line(md, "");
        Line(md, "## Sustained ingest");
        Line(md, "");
        Line(md, "Messages fully processed per second (by the host: decided by a patient's grain; by the baseline: received) in the best step of a ramp that kept up (backlog at the end of publishing at most one second of load, processed at least 90 % of offered in the steady window). `>=` means every step kept up, so the limit is the generator's. CPU in cores (1.0 = one core) during that step.");
        Line(md, "");
        Line(md, "| system | patients | sustained msg/s | ratio to baseline | CPU broker | CPU host | CPU load | CPU redis | host RSS MiB |");
        Line(md, "|---|---|---|---|---|---|---|---|---|");
        foreach (var s in new[] { r.Baseline }.Concat(r.Product))
        {
            var best = s.Steps.Where(x => x.KeepsUp).MaxBy(x => x.ProcessedRate) ?? s.Steps[^1];
            Line(md, $"| {s.System} | {s.Patients:N0} | {AtLeast(s)}{s.SustainedRate:N0} | {(s == r.Baseline ? "1" : r.RatioToBaseline(s).ToString("P0", CultureInfo.InvariantCulture))} | {Cpu(best, "broker")} | {Cpu(best, "host")} | {Cpu(best, "load")} | {Cpu(best, "redis")} | {Rss(best, "host")} |");
        }

        Line(md, "");
        Line(md, "## Publish-to-alertRaised latency");
        Line(md, "");
        Line(md, "A probe patient's pump publishes a rate above the ceiling; the time until that patient's CEILING `alertRaised` reaches a charge nurse's SignalR client on /hubs/ward, while the load runs.");
        Line(md, "");
        Line(md, "| load | offered msg/s | processed msg/s | probes | missed | p50 ms | p95 ms | p99 ms | max ms | CPU host |");
        Line(md, "|---|---|---|---|---|---|---|---|---|---|");
        foreach (var l in r.Latency)
        {
            Line(md, $"| {l.LoadShare:P0} | {l.Load.OfferedRate:N0} | {l.Load.ProcessedRate:N0} | {l.Probes} | {l.Missed} | {l.P50Ms:0.0} | {l.P95Ms:0.0} | {l.P99Ms:0.0} | {l.MaxMs:0.0} | {Cpu(l.Load, "host")} |");
        }

        Line(md, "");
        Line(md, "## Memory");
        Line(md, "");
        Line(md, $"Host RSS after start-up with no patient: {r.HostRssIdleBytes / MiB:N0} MiB.");
        Line(md, "");
        Line(md, "| patients | host RSS MiB | RSS / patient KiB | (RSS - idle) / patient KiB |");
        Line(md, "|---|---|---|---|");
        foreach (var m in r.Memory)
        {
            Line(md, $"| {m.Patients:N0} | {m.HostRssBytes / MiB:N0} | {m.BytesPerPatient / 1024:N1} | {(m.HostRssBytes - r.HostRssIdleBytes) / 1024.0 / m.Patients:N1} |");
        }

        Line(md, "");
        Line(md, "## Every step");
        Line(md, "");
        Line(md, "| system | kind | patients | target msg/s | offered | processed | share | backlog at end | drained after | s | CPU broker / host / load / redis |");
        Line(md, "|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in new[] { r.Baseline }.Concat(r.Product))
        {
            foreach (var x in s.Steps)
            {
                Line(md, $"| {s.System} | {x.Kind} | {x.Patients:N0} | {x.TargetRate:N0} | {x.OfferedRate:N0} | {x.ProcessedRate:N0} | {x.ProcessedShare:P0} | {x.BacklogAtEnd:N0} | {x.Drained:N0} | {x.Seconds:0} | {Cpu(x, "broker")} / {Cpu(x, "host")} / {Cpu(x, "load")} / {Cpu(x, "redis")} |");
            }
        }

        foreach (var l in r.Latency)
        {
            var x = l.Load;
            Line(md, $"| latency {l.LoadShare:P0} | load | {x.Patients:N0} | {x.TargetRate:N0} | {x.OfferedRate:N0} | {x.ProcessedRate:N0} | {x.ProcessedShare:P0} | {x.BacklogAtEnd:N0} | {x.Drained:N0} | {x.Seconds:0} | {Cpu(x, "broker")} / {Cpu(x, "host")} / {Cpu(x, "load")} / {Cpu(x, "redis")} |");
        }

        Line(md, "");
        Line(md, "## Settings");
        Line(md, "");
        foreach (var (key, value) in r.Settings)
        {
            Line(md, $"- {key}: {value}");
        }

        return md.ToString();
    }

    private static string AtLeast(SustainedResult s) => s.LimitedByGenerator ? ">= " : "";

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string Cpu(StepResult step, string role) =>
        step.CpuCores.TryGetValue(role, out var cores) ? cores.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Rss(StepResult step, string role) =>
        step.RssBytes.TryGetValue(role, out var bytes) && bytes > 0 ? (bytes / MiB).ToString("N0", CultureInfo.InvariantCulture) : "-";

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
