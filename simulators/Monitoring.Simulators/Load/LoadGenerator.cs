using System.Collections.Concurrent;
using System.Diagnostics;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Messaging;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;
using Monitoring.Simulators.Ward;

namespace Monitoring.Simulators.Load;

/// <summary>
/// Publishes on a steady schedule (see <see cref="LoadSchedule"/>) over a few connections, each with a
/// bounded number of QoS 1 publishes in flight, and reports what went out and how fast.
/// </summary>
public sealed class LoadGenerator(LoadOptions options, TextWriter log)
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(2);

    // Messages waiting for a connection per connection; past this the schedule waits (and the report shows the shortfall).
    private const int PendingPerConnection = 2_000;

    private readonly TaskCompletionSource _publishing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when set-up (connections, devices, admissions) is done and the schedule starts: a measurement's time zero.</summary>
    public Task Publishing => _publishing.Task;

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profile = options.Profile;
        var beds = Enumerable.Range(1, options.Patients).Select(n => WardBed.Create(profile, n, options.IdPrefix)).ToList();
        await using var pool = new DeviceConnectionPool(options.Mqtt, options.Connections, log);
        await pool.StartAsync(cancellationToken).ConfigureAwait(false);
        var time = TimeProvider.System;
        var pumps = new SimulatedPump[beds.Count];
        var monitors = new SimulatedMonitor[beds.Count];
        for (var i = 0; i < beds.Count; i++)
        {
            pumps[i] = new SimulatedPump(new PumpSettings { PumpId = beds[i].PumpId, ConcentrationMgPerMl = profile.ConcentrationMgPerMl, RateStepMlPerHour = profile.RateStepMlPerHour }, pool, time);
            monitors[i] = new SimulatedMonitor(new MonitorSettings { MonitorId = beds[i].MonitorId, Seed = i + 1 }, pool, time);
            await pool.AddAsync(pumps[i], cancellationToken).ConfigureAwait(false);
            await pool.AddAsync(monitors[i], cancellationToken).ConfigureAwait(false);
            pumps[i].Follow(beds[i].Regimen);
        }

        if (options.HostUrl is { } url)
        {
            await AdmitAsync(url, beds, cancellationToken).ConfigureAwait(false);
        }

        var schedule = new LoadSchedule(options.Patients, options.RatePerPatient);
        var latencies = new ConcurrentBag<double>();
        var pending = new List<Task>();
        var clock = Stopwatch.StartNew();
        _publishing.TrySetResult();
        long sent = 0;
        await log.WriteLineAsync($"load: {options.Patients} patients x {options.RatePerPatient} msg/s = {schedule.TotalRate} msg/s for {DurationParser.Format(options.Duration)} on {pool.ConnectionCount} connection(s)").ConfigureAwait(false);
        try
        {
            // Every message of the run is sent, each no earlier than its time: the run ends when the last is due.
            var total = (long)Math.Ceiling(options.Duration.TotalSeconds * schedule.TotalRate);
            var cap = PendingPerConnection * pool.ConnectionCount;
            while (sent < total)
            {
                while (pending.Count >= cap)
                {
                    await Task.WhenAny(pending).ConfigureAwait(false);
                    pending.RemoveAll(t => t.IsCompleted);
                }

                var due = Math.Min(schedule.DueBy(clock.Elapsed), total);
                for (; sent < due && pending.Count < cap; sent++)
                {
                    var patient = schedule.PatientOf(sent);
                    var dueAt = schedule.DueAt(sent);
                    pending.Add(schedule.IsPumpMessage(sent)
                        ? SendAsync(pool, pumps[patient].DeviceId, Topics.PumpStatus(pumps[patient].DeviceId), WireFormat.Serialize(pumps[patient].NextStatus()), dueAt, clock, latencies, cancellationToken)
                        : SendAsync(pool, monitors[patient].DeviceId, Topics.MonitorVitals(monitors[patient].DeviceId), WireFormat.Serialize(monitors[patient].ReadNow()), dueAt, clock, latencies, cancellationToken));
                }

                pending.RemoveAll(t => t.IsCompleted);
                await Task.Delay(Pace, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped early: report what went out so far.
        }

        try
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Publishes cut short by the stop are simply not counted as published.
        }

        var elapsed = clock.Elapsed;
        var stats = pool.Statistics;
        var sorted = latencies.OrderBy(x => x).ToArray();
        return new LoadReport
        {
            Patients = options.Patients,
            Devices = beds.Count * 2,
            Connections = pool.ConnectionCount,
            TargetRate = schedule.TotalRate,
            Elapsed = elapsed,
            Scheduled = sent,
            Published = stats.Published,
            Failed = stats.Failed,
            Reconnects = stats.Reconnects,
            LatencyP50Ms = Percentile(sorted, 0.50),
            LatencyP99Ms = Percentile(sorted, 0.99),
            LatencyMaxMs = sorted.Length == 0 ? 0 : sorted[^1],
        };
    }

    private static async Task SendAsync(DeviceConnectionPool pool, string deviceId, string topic, byte[] payload, TimeSpan dueAt, Stopwatch clock, ConcurrentBag<double> latencies, CancellationToken cancellationToken)
    {
        if (await pool.PublishAsync(deviceId, topic, payload, cancellationToken).ConfigureAwait(false))
        {
            latencies.Add((clock.Elapsed - dueAt).TotalMilliseconds);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private async Task AdmitAsync(Uri url, List<WardBed> beds, CancellationToken cancellationToken)
    {
        if (options.Charge is null)
        {
            throw new InvalidOperationException("admitting the load patients needs the charge nurse's credentials");
        }

        using var charge = new HostApiClient(url);
        await charge.LoginAsync(options.Charge, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var failures = 0;
        foreach (var bed in beds)
        {
            var patient = new PatientDefinition { Id = bed.PatientId, BedId = bed.BedId, WeightKg = bed.WeightKg, Regimen = bed.RegimenName, ConcentrationMgPerMl = options.Profile.ConcentrationMgPerMl, BaselinePain = bed.BaselinePain };
            var admitted = await charge.PostAsync(HostRoutes.Patients, AdmissionBody.Build(patient, options.Profile.WardId, new ScenarioIds(""), today), cancellationToken).ConfigureAwait(false);
            var associated = await charge.PutAsync(HostRoutes.PatientDevices(bed.PatientId), new { pumpId = bed.PumpId, monitorId = bed.MonitorId }, cancellationToken).ConfigureAwait(false);
            failures += admitted.IsSuccess && associated.IsSuccess ? 0 : 1;
        }

        await log.WriteLineAsync($"load: admitted {beds.Count - failures}/{beds.Count} patients").ConfigureAwait(false);
    }
}
