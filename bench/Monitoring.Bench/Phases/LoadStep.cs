using System.Diagnostics;
using Monitoring.Bench.Measuring;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.Load;
using Monitoring.Simulators.Ward;

namespace Monitoring.Bench.Phases;

/// <summary>Runs the simulators' load mode for one step and measures the processed rate over its steady window.</summary>
public sealed class LoadStep(MqttEndpoint mqtt, WardProfile profile, IProcessedCounter counter, ProcessSet processes, BenchSettings settings, TextWriter log)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(60);

    /// <param name="during">Started when publishing starts, given the generator's run (it ends when publishing does); awaited before the drain.</param>
    public async Task<StepResult> RunAsync(string kind, int patients, double totalRate, TimeSpan duration, CancellationToken cancellationToken, Func<Task, Task>? during = null)
    {
        var options = new LoadOptions
        {
            Patients = patients,
            RatePerPatient = totalRate / patients,
            Duration = duration,
            Profile = profile,
            Mqtt = mqtt,
            Connections = settings.Connections,
        };
        await counter.BeforeStepAsync(cancellationToken);
        var generator = new LoadGenerator(options, TextWriter.Null);
        var run = generator.RunAsync(cancellationToken);
        await Task.WhenAny(generator.Publishing, run);
        if (run.IsFaulted)
        {
            await run;
        }

        var clock = Stopwatch.StartNew();
        var alongside = during?.Invoke(run) ?? Task.CompletedTask;
        var before = processes.Sample();
        var start = await counter.ProcessedAsync(cancellationToken);
        var warmUp = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, duration.Ticks / 4));
        (TimeSpan At, long Count)? warm = null;
        (TimeSpan At, long Count) last = (TimeSpan.Zero, start);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(SampleEvery, cancellationToken));
            last = (clock.Elapsed, await counter.ProcessedAsync(cancellationToken));
            if (warm is null && last.At >= warmUp)
            {
                warm = last;
            }
        }

        var report = await run;
        var after = processes.Sample();
        var elapsed = clock.Elapsed;
        var processedRate = warm is { } w && last.At > w.At ? (last.Count - w.Count) / (last.At - w.At).TotalSeconds : 0;
        var backlog = report.Published - (last.Count - start);
        await alongside;
        var drained = await DrainAsync(last.Count, cancellationToken);
        var result = new StepResult
        {
            Kind = kind,
            Patients = patients,
            TargetRate = Math.Round(totalRate, 1),
            OfferedRate = Math.Round(report.AchievedRate, 1),
            ProcessedRate = Math.Round(processedRate, 1),
            Published = report.Published,
            PublishFailed = report.Failed,
            BacklogAtEnd = Math.Max(0, backlog),
            Drained = drained,
            Seconds = Math.Round(elapsed.TotalSeconds, 1),
            CpuCores = ProcessSet.CpuCores(before, after, elapsed),
            RssBytes = after.ToDictionary(a => a.Key, a => a.Value.RssBytes, StringComparer.Ordinal),
        };
        await log.WriteLineAsync(FormattableString.Invariant(
            $"  {kind,-9} {patients,6} patients: target {totalRate,8:0} msg/s, offered {result.OfferedRate,8:0}, processed {result.ProcessedRate,8:0} ({result.ProcessedShare:P0}), backlog {result.BacklogAtEnd}, drained {drained}{(result.KeepsUp ? " - keeps up" : "")}"));
        return result;
    }

    /// <summary>Waits until the processed count stands still for two samples (or a minute), so the next step starts clean.</summary>
    private async Task<long> DrainAsync(long from, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var previous = from;
        var still = 0;
        while (still < 2 && clock.Elapsed < DrainLimit)
        {
            await Task.Delay(SampleEvery, cancellationToken);
            var now = await counter.ProcessedAsync(cancellationToken);
            still = now == previous ? still + 1 : 0;
            previous = now;
        }

        return previous - from;
    }
}
