using Monitoring.Contracts.Views;
using Monitoring.Production.Tests.Support;
using Monitoring.Protocol.Alerts;
using Xunit.Abstractions;
using static Monitoring.Production.Tests.Support.KillScenario;

namespace Monitoring.Production.Tests;

/// <summary>
/// Issue 13 item 7 with a real kill: a pump publishes rate changes that raise nothing through a real Mosquitto to a host
/// process on Redis; each is acknowledged to the broker only after the patient grain stored it. The host is killed with
/// SIGKILL as soon as the last one has taken effect, and a new process (same Redis, same client id, same virtual time)
/// must show the same 24 h delivered dose, titration state and de-duplication watermark. A checker compares what the
/// pump published (each PUBACK'd by Mosquitto), what the host acknowledged and what it applied (/metrics).
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class AcknowledgedReadingsKillTests(Stores stores, ITestOutputHelper output)
{
    private const string PumpId = "pump-ack-1";

    // 70 kg at 1 mg/mL (AdmissionRequest): 4.2-8.4 mL/h is the usual range of seeds/ketamine-protocol.json
    // (0.06-0.12 mg/kg/h), far under the ceiling (35 mL/h): none of these raises an alert or sends a command.
    private static readonly decimal[] Rates = [5.0m, 5.5m, 6.0m, 6.5m, 6.5m, 7.0m, 6.0m, 7.5m, 7.5m, 8.0m, 5.5m, 8.2m];

    // What a lost watermark would let through: a copy of an acknowledged seq at a rate over the ceiling.
    private const decimal CopyRateMlPerHour = 40m;

    private readonly Action<string> _log = OutputLog.Of(output);

    [Fact]
    public async Task After_a_kill_the_acknowledged_rate_changes_are_all_there_and_their_copies_are_duplicates()
    {
        await using var broker = await MosquittoBroker.StartAsync([PumpId]);
        var cluster = ClusterIdentity.New();
        var ports = HostPorts.Free();
        var mqtt = MosquittoHostSettings.For(broker, $"ack-kill-{Guid.NewGuid():N}");
        var clock = WholeSecondNow();
        var patientId = NewPatientId();

        PatientSnapshot before = null!;
        DateTimeOffset killedAt;

        // One pump (one bootId) throughout: its connection to Mosquitto outlives the host.
        await using var pump = await MosquittoDevice.Connect(broker, PumpId, "prod");
        var now = clock;
        pump.Clock = () => now;
        await using (var first = await HostProcess.StartAsync(stores, cluster, "ack-kill-1", ports, clock, _log, mqtt))
        {
            using var charge = await first.SignIn(TestUsers.Charge);
            using var operatorSession = await first.SignIn(TestUsers.Operator);
            await ProductionHost.Admit(charge, patientId, "B9");
            await PatientDevices.Attach(charge, patientId, PumpId, monitorId: null);
            now = await ProductionHost.ClockNow(charge);

            for (var i = 0; i < Rates.Length; i++)
            {
                // 10 s apart on the virtual clock: inside the pump's comms-loss limit (15 s), so nothing but the rate moves.
                // Each applied before the clock moves on (a PUBACK from Mosquitto says only that the broker has it).
                now = await ProductionHost.AdvanceClock(charge, 10);
                await pump.PumpStatus("running", Rates[i], seq: i + 1);
                var at = now;
                var rate = Rates[i];
                before = await Polling.Until(
                    () => ProductionHost.Patient(charge, patientId),
                    s => s.Pump is { LastMessageAt: { } seen } p && seen == at && p.RateMlPerHour == rate,
                    $"status {i + 1} applied", ProductionHost.Generous);
            }

            var last = now;
            var counts = await Polling.Until(
                () => IngestCounts.Read(operatorSession, "status"),
                c => c.Acknowledged == Rates.Length,
                "every status acknowledged to the broker", ProductionHost.Generous);
            var alerts = await ProductionHost.Alerts(charge, patientId);
            await first.Kill();
            killedAt = last;
            _log($"CHECKER before the kill: published {Rates.Length} (each PUBACK'd by Mosquitto), {counts}");
            Assert.Equal((Rates.Length, Rates.Length, Rates.Length, 0L, 0L), (counts.Received, counts.Acknowledged, counts.Applied, counts.Duplicates, counts.Late));

            // Nothing but the rate moved: no alert, no command forced a write of these changes. (MONITOR_ABSENT stands
            // from the first running status, since this bed has no monitor; the rate changes do not move it.)
            Assert.DoesNotContain(alerts, a => a.State != AlertState.Resolved && a.RuleId != "MONITOR_ABSENT");
            Assert.NotNull(before.LastDoseIncreaseAt);
        }

        // Same virtual time: every figure computed from the stored state must be exactly what it was.
        await using var second = await HostProcess.StartAsync(stores, cluster, "ack-kill-2", ports, killedAt, _log, mqtt);
        using var charge2 = await second.SignIn(TestUsers.Charge);
        using var operator2 = await second.SignIn(TestUsers.Operator);
        var after = await ProductionHost.Patient(charge2, patientId);
        _log($"AFTER the kill: delivered {after.DeliveredDailyDoseMg} mg (before {before.DeliveredDailyDoseMg}), last increase {after.LastDoseIncreaseAt:O} (before {before.LastDoseIncreaseAt:O}), rate {after.Pump?.RateMlPerHour} mL/h");
        Assert.Equal(
            (before.DeliveredDailyDoseMg, before.ProgrammedDailyDoseMg, before.LastDoseIncreaseAt, before.EstablishedDailyDoseMg, before.CourseStartedAt, before.Pump!.RateMlPerHour, before.Pump.LastMessageAt),
            (after.DeliveredDailyDoseMg, after.ProgrammedDailyDoseMg, after.LastDoseIncreaseAt, after.EstablishedDailyDoseMg, after.CourseStartedAt, after.Pump!.RateMlPerHour, after.Pump.LastMessageAt));

        // The watermark: every acknowledged seq sent again (as another host's backlog would be) is a duplicate, even
        // at a rate over the ceiling; the next seq is applied.
        now = killedAt;
        for (var seq = 1; seq <= Rates.Length; seq++)
        {
            await pump.PumpStatus("running", CopyRateMlPerHour, seq: seq);
        }

        var copies = await Polling.Until(
            () => IngestCounts.Read(operator2, "status"),
            c => c.Acknowledged >= Rates.Length,
            "every copy acknowledged", ProductionHost.Generous);
        _log($"CHECKER after the restart: {Rates.Length} copies published, {copies}");
        Assert.Equal((0L, (long)Rates.Length), (copies.Applied, copies.Duplicates));
        var unchanged = await ProductionHost.Patient(charge2, patientId);
        Assert.Equal((Rates[^1], before.DeliveredDailyDoseMg), (unchanged.Pump!.RateMlPerHour, unchanged.DeliveredDailyDoseMg));
        Assert.DoesNotContain(await ProductionHost.Alerts(charge2, patientId), a => a.RuleId == "CEILING");

        await pump.PumpStatus("running", 7.0m, seq: Rates.Length + 1);
        await Polling.Until(
            () => ProductionHost.Patient(charge2, patientId),
            s => s.Pump?.RateMlPerHour == 7.0m,
            "the next seq applied", ProductionHost.Generous);
    }
}
