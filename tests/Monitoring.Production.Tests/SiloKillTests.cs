using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Contracts.Views;
using Monitoring.Production.Tests.Support;
using Monitoring.Protocol.Alerts;
using Xunit.Abstractions;
using static Monitoring.Production.Tests.Support.KillScenario;
using Monitoring.Protocol.Pause;

namespace Monitoring.Production.Tests;

/// <summary>
/// Issue 6 with two silos: two host processes in one cluster on Redis, a SignalR client on each. The silo that holds the
/// patient (found from the logs: the patient's grain logs where it runs) is killed with SIGKILL right after an
/// acknowledgement. Once membership declares it dead the survivor activates the patient: the pause, the unacknowledged
/// alert, the acknowledgement and the audit trail are intact, the deadline fires on the survivor, and the alert it raises
/// reaches the survivor's SignalR client. The takeover time (kill to the survivor's first answer about the patient) is
/// written to the output.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class SiloKillTests(Stores stores, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Tuning = new()
    {
        // The push workers re-read the silo observers this often (default 2 s): the survivor's list is current at once.
        ["Grains:Push:ObserverCacheFor"] = "00:00:00.100",

        // A dead silo is declared dead after missed probes (Orleans' defaults: 5 s probes, 3 missed). Shorter here so
        // the test does not wait; not so short that a live silo on this loaded machine is declared dead.
        ["Orleans:Membership:ProbeTimeout"] = "00:00:02",
        ["Orleans:Membership:NumMissedProbesLimit"] = "2",

        // Membership's suspicions, votes and death declarations in the output (Orleans logs only warnings otherwise).
        ["Serilog:MinimumLevel:Override:Orleans.Runtime.MembershipService"] = "Information",
    };

    private readonly Action<string> _log = OutputLog.Of(output);

    [Fact]
    public async Task When_the_silo_holding_a_paused_patient_is_killed_the_other_takes_over_keeps_everything_and_its_clients_get_new_alerts()
    {
        var cluster = ClusterIdentity.New();
        var clock = WholeSecondNow();
        var starting = new[]
        {
            HostProcess.StartAsync(stores, cluster, "silo-a", HostPorts.Free(), clock, _log, Tuning),
            HostProcess.StartAsync(stores, cluster, "silo-b", HostPorts.Free(), clock, _log, Tuning),
        };
        HostProcess[] silos;
        try
        {
            silos = await Task.WhenAll(starting);
        }
        catch
        {
            // One started, the other did not: end the one that runs.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await (await started).DisposeAsync();
            }

            throw;
        }

        await using var siloA = silos[0];
        await using var siloB = silos[1];

        // A signed-in charge nurse and a ward screen (hub client) on each host.
        using var chargeA = await siloA.SignIn(TestUsers.Charge);
        using var chargeB = await siloB.SignIn(TestUsers.Charge);
        var raised = silos.ToDictionary(s => s, _ => new ConcurrentQueue<AlertView>());
        await using var hubA = siloA.Hub(chargeA);
        await using var hubB = siloB.Hub(chargeB);
        foreach (var (silo, hub) in new[] { (siloA, hubA), (siloB, hubB) })
        {
            hub.On<AlertView>("alertRaised", raised[silo].Enqueue);
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("JoinWard", "ward-a");
        }

        var patientId = NewPatientId();
        var before = await PausedWithAnAcknowledgementLast(chargeA, patientId, "B6");

        var holders = await Polling.Until(
            () => silos.Where(s => s.HasLogged("Monitoring.Grains.Patients.PatientGrain", $"Patient {patientId}")).ToList(),
            found => found.Count == 1,
            "the patient's grain logging on exactly one silo", ProductionHost.Generous);
        var victim = holders[0];
        var survivor = victim == siloA ? siloB : siloA;
        var charge = victim == siloA ? chargeB : chargeA;
        var screen = raised[survivor];

        // Both hosts' screens saw the hallucination alert: the two silos are one cluster before the kill.
        await Polling.Until(
            () => screen.Any(a => a.Id == before.Hallucination.Id),
            seen => seen,
            $"{Hallucination} on the survivor's screen before the kill", ProductionHost.Generous);

        await victim.Kill();
        var sinceKill = Stopwatch.StartNew();
        _log($"{victim.Name} (holding patient {patientId}) killed; {survivor.Name} survives");

        // The survivor answers about the patient once membership has declared the dead silo dead and the grain is
        // activated here: the same pause, read from Redis.
        var after = await PatientOnTheSurvivor(survivor, charge, patientId);
        var takeover = sinceKill.Elapsed;
        _log($"TAKEOVER: {survivor.Name} answered about the patient {takeover.TotalSeconds:0.0} s after {victim.Name} was killed");
        Assert.Equal(PauseState.Paused, after.PauseProtocol.State);
        Assert.Equal((before.Patient.PauseProtocol.PausedAt, before.Patient.PauseProtocol.RestartDueAt), (after.PauseProtocol.PausedAt, after.PauseProtocol.RestartDueAt));

        var alerts = await ProductionHost.Alerts(charge, patientId);
        Assert.Equal(Durable(before.Hallucination), Durable(Assert.Single(alerts, a => a.RuleId == Hallucination)));
        var acknowledged = Assert.Single(alerts, a => a.Id == before.Acknowledged.Id);
        Assert.Equal(Durable(before.Acknowledged), Durable(acknowledged));
        Assert.Equal((AlertState.Acknowledged, TestUsers.Charge.Username, AcknowledgementNote), (acknowledged.State, acknowledged.AcknowledgedBy, acknowledged.Note));
        AssertAuditKept(before, await ProductionHost.Audit(charge, patientId));

        // The deadline fires on the survivor, and what it raises reaches the survivor's screen.
        var dueAt = before.Patient.PauseProtocol.RestartDueAt ?? throw new InvalidOperationException("no restart-due deadline");
        await AdvanceClockPast(charge, dueAt);
        Assert.Equal(PauseState.RestartDue, (await ProductionHost.Patient(charge, patientId)).PauseProtocol.State);
        Assert.Equal(dueAt, Assert.Single(await ProductionHost.Alerts(charge, patientId), a => a.RuleId == RestartDue).RaisedAt);
        var pushed = await Polling.Until(
            () => screen.FirstOrDefault(a => a.PatientId == patientId && a.RuleId == RestartDue),
            alert => alert is not null,
            $"{RestartDue} on the survivor's screen", ProductionHost.Generous);
        Assert.Equal(dueAt, pushed!.RaisedAt);
        Assert.True(survivor.HasLogged($"Patient {patientId}: alert", RestartDue), $"the patient's grain did not run on {survivor.Name}");
        Assert.False(victim.HasLogged($"Patient {patientId}: alert", RestartDue));
    }

    /// <summary>
    /// Polls the survivor about the patient until it answers (within <see cref="ProductionHost.Generous"/>). Between polls
    /// the survivor's virtual clock moves one second, as real time would: Orleans resolves its grain-placement retry
    /// pipeline (Polly) with the host's unkeyed TimeProvider, which is the virtual clock in a test host, so a placement
    /// retried while the dead silo was not yet declared dead would otherwise wait for a clock that never moves. A few
    /// seconds of virtual time change nothing clinical here (the first deadline, an escalation, is 60 s away).
    /// </summary>
    private static async Task<PatientSnapshot> PatientOnTheSurvivor(HostProcess survivor, Session charge, string patientId)
    {
        using var poll = new Session(survivor.BaseAddress, charge.Cookies);
        poll.Http.Timeout = TimeSpan.FromSeconds(5);
        var answer = await Polling.Until(
            async () =>
            {
                try
                {
                    return (Patient: await ProductionHost.Patient(poll, patientId), Said: "");
                }
                catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    // Each miss moves the survivor's clock a second, and waits that second in real time.
                    await ProductionHost.AdvanceClock(charge, 1);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    return (Patient: (PatientSnapshot?)null, Said: ex.Message);
                }
            },
            a => a.Patient is not null,
            $"{survivor.Name} answering about patient {patientId}",
            ProductionHost.Generous,
            a => a.Said);
        return answer.Patient!;
    }
}
