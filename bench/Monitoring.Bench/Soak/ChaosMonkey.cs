using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Monitoring.Bench.Soak;

/// <summary>
/// Carries out the seeded schedule against the cluster, one fault at a time, each followed by a wait until every host
/// is ready again and the schedule's gap, while the run has time left for one more fault and its recovery.
/// </summary>
public sealed class ChaosMonkey(SoakSettings settings, SoakCluster cluster, Stopwatch clock, TextWriter log)
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromMinutes(3);

    // Time kept free at the end for the last fault's recovery and the devices' last reports.
    private static readonly TimeSpan Reserve = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<FaultRecord> _done = new();

    public IReadOnlyList<FaultRecord> Done => [.. _done];

    public List<string> Notes { get; } = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(settings.Settle, cancellationToken);
        var first = true;
        foreach (var planned in ChaosSchedule.Plan(settings))
        {
            if (!first)
            {
                await Task.Delay(planned.GapBefore, cancellationToken);
            }

            first = false;
            if (clock.Elapsed + planned.Outage + Reserve + settings.Settle > settings.Duration)
            {
                return;
            }

            await RunAsync(planned, cancellationToken);
        }
    }

    private async Task RunAsync(PlannedFault planned, CancellationToken cancellationToken)
    {
        var target = planned.Kind == FaultKind.HostKill ? cluster.Hosts[planned.Host].Name : planned.Kind.ToString();
        var started = Now;
        Progress($"fault {planned.Kind} on {target} for {planned.Outage.TotalSeconds:0} s");
        switch (planned.Kind)
        {
            case FaultKind.HostKill:
                await cluster.Hosts[planned.Host].KillAsync();
                await Task.Delay(planned.Outage, cancellationToken);
                await cluster.Hosts[planned.Host].StartAsync(log);
                break;
            case FaultKind.BrokerKill:
                await cluster.KillBrokerAsync();
                await Task.Delay(planned.Outage, cancellationToken);
                await cluster.StartBrokerAsync();
                break;
            case FaultKind.RedisOutage:
                await cluster.RedisRelay.SeverAsync();
                await Task.Delay(planned.Outage, cancellationToken);
                cluster.RedisRelay.Open();
                break;
            case FaultKind.PostgresOutage:
                await cluster.PostgresRelay.SeverAsync();
                await Task.Delay(planned.Outage, cancellationToken);
                cluster.PostgresRelay.Open();
                break;
        }

        var ended = Now;
        if (!await cluster.AllReadyAsync(RecoveryLimit, cancellationToken))
        {
            Notes.Add(FormattableString.Invariant($"after {planned.Kind} ({target}) at {started:0} s not every host was ready within {RecoveryLimit.TotalMinutes:0} min"));
        }

        var record = new FaultRecord(planned.Kind, target, started, ended, Now);
        _done.Enqueue(record);
        Progress(FormattableString.Invariant($"fault {planned.Kind} on {target} over: outage {record.OutageSeconds:0.0} s, every host ready {record.RecoverySeconds:0.0} s later"));
    }

    private double Now => Math.Round(clock.Elapsed.TotalSeconds, 1);

    private void Progress(string what) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:mm\\:ss}] {what}"));
}
