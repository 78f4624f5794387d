using System.Diagnostics;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Ward;

/// <summary>
/// N beds in real time: each a pump following its regimen, a noisy monitor, and a nurse charting pain
/// and RASS on rounds (now and then a hallucination), all over a few MQTT connections.
/// </summary>
public sealed class WardSimulation(WardOptions options, TextWriter log)
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profile = options.Profile;
        var beds = Enumerable.Range(1, options.Beds).Select(n => WardBed.Create(profile, n, options.IdPrefix)).ToList();
        if (options.WaitReady is { } wait && options.HostUrl is { } host)
        {
            await log.WriteLineAsync($"waiting up to {DurationParser.Format(wait)} for {host} to be ready").ConfigureAwait(false);
            await HostReadiness.WaitAsync(host, wait, cancellationToken).ConfigureAwait(false);
        }

        await using var pool = new DeviceConnectionPool(options.Mqtt, options.Connections, log);
        await pool.StartAsync(cancellationToken).ConfigureAwait(false);

        var time = TimeProvider.System;
        var pumps = new List<SimulatedPump>();
        var devices = new List<ISimulatedDevice>();
        foreach (var bed in beds)
        {
            var pump = new SimulatedPump(new PumpSettings { PumpId = bed.PumpId, ConcentrationMgPerMl = profile.ConcentrationMgPerMl, RateStepMlPerHour = profile.RateStepMlPerHour }, pool, time);
            var monitor = new SimulatedMonitor(new MonitorSettings { MonitorId = bed.MonitorId, Seed = bed.Number }, pool, time);
            pumps.Add(pump);
            devices.Add(pump);
            devices.Add(monitor);
            await pool.AddAsync(pump, cancellationToken).ConfigureAwait(false);
            await pool.AddAsync(monitor, cancellationToken).ConfigureAwait(false);
        }

        if (options.HostUrl is { } url)
        {
            await AdmitAsync(url, beds, time, cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < beds.Count; i++)
        {
            pumps[i].Follow(beds[i].Regimen);
        }

        var nurse = new NurseActor($"{options.IdPrefix}sim-charting", "sim-nurse", new MqttObservationChannel(pool), time);
        var random = new Random(options.Beds);
        var start = time.GetUtcNow();
        // Rounds are staggered across the interval so the ward is not charted all at once.
        var nextRound = beds.Select((_, i) => start + (profile.NurseRoundEvery * i / beds.Count)).ToArray();
        var nextStatus = start + options.StatusEvery;
        var wall = Stopwatch.StartNew();
        await log.WriteLineAsync($"ward {profile.WardId}: {beds.Count} beds on {pool.ConnectionCount} MQTT connection(s) to {options.Mqtt.Host}:{options.Mqtt.Port}; Ctrl+C stops").ConfigureAwait(false);
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (options.Duration is not { } d || wall.Elapsed < d)
            {
                foreach (var device in devices)
                {
                    await device.TickAsync(cancellationToken).ConfigureAwait(false);
                }

                var now = time.GetUtcNow();
                for (var i = 0; i < beds.Count; i++)
                {
                    if (now >= nextRound[i])
                    {
                        nextRound[i] = now + profile.NurseRoundEvery;
                        await RoundAsync(nurse, beds[i], random, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (now >= nextStatus)
                {
                    nextStatus = now + options.StatusEvery;
                    var stats = pool.Statistics;
                    await log.WriteLineAsync($"{DurationParser.Format(TimeSpan.FromSeconds(Math.Round(wall.Elapsed.TotalSeconds)))}: published {stats.Published}, failed {stats.Failed}, connected {stats.ConnectedNow}/{stats.Connections}, reconnects {stats.Reconnects}, charted {nurse.Sent}").ConfigureAwait(false);
                }

                await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: a normal end of a demo.
        }
    }

    private async Task RoundAsync(NurseActor nurse, WardBed bed, Random random, CancellationToken cancellationToken)
    {
        var profile = options.Profile;
        await nurse.RecordPainAsync(bed.PatientId, profile.NursePain.DrawWhole(random), cancellationToken).ConfigureAwait(false);
        await nurse.RecordSedationAsync(bed.PatientId, profile.NurseRass.DrawWhole(random), cancellationToken).ConfigureAwait(false);
        if ((decimal)random.NextDouble() < profile.HallucinationChancePerRound)
        {
            await nurse.RecordHallucinationAsync(bed.PatientId, cancellationToken).ConfigureAwait(false);
            await log.WriteLineAsync($"{bed.BedId}: hallucination charted").ConfigureAwait(false);
        }
    }

    private async Task AdmitAsync(Uri url, List<WardBed> beds, TimeProvider time, CancellationToken cancellationToken)
    {
        if (options.Charge is null)
        {
            throw new InvalidOperationException("admitting the ward needs the charge nurse's credentials");
        }

        using var charge = new HostApiClient(url);
        await charge.LoginAsync(options.Charge, cancellationToken).ConfigureAwait(false);
        var ids = new ScenarioIds("");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var bed in beds)
        {
            var patient = new PatientDefinition
            {
                Id = bed.PatientId,
                BedId = bed.BedId,
                WeightKg = bed.WeightKg,
                Regimen = bed.RegimenName,
                ConcentrationMgPerMl = options.Profile.ConcentrationMgPerMl,
                BaselinePain = bed.BaselinePain,
            };
            var admitted = await charge.PostAsync(HostRoutes.Patients, AdmissionBody.Build(patient, options.Profile.WardId, ids, today), cancellationToken).ConfigureAwait(false);
            var associated = await charge.PutAsync(HostRoutes.PatientDevices(bed.PatientId), new { pumpId = bed.PumpId, monitorId = bed.MonitorId }, cancellationToken).ConfigureAwait(false);
            if (!admitted.IsSuccess || !associated.IsSuccess)
            {
                await log.WriteLineAsync($"{bed.BedId}: admit HTTP {admitted.StatusCode}, associate HTTP {associated.StatusCode} {associated.Body}").ConfigureAwait(false);
            }
        }
    }
}
