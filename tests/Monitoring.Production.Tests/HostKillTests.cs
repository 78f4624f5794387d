using Monitoring.Production.Tests.Support;
using Monitoring.Protocol.Alerts;
using Xunit.Abstractions;
using static Monitoring.Production.Tests.Support.KillScenario;
using Monitoring.Protocol.Pause;

namespace Monitoring.Production.Tests;

/// <summary>
/// Issue 6 with a real kill: the host runs as its own process (dotnet Monitoring.Host.dll, configured by environment
/// variables) and is killed with SIGKILL right after an acknowledgement, with a patient in a hallucination pause and an
/// unacknowledged HIGH alert; a new process on the same Redis, PostgreSQL and ports takes over. The grains run on the
/// virtual clock, so "two hours pass while the host is down" is the new process's clock starting two hours later.
/// Each test writes its recovery figures (process start to ready, to the first answer about the patient) to its output.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class HostKillTests(Stores stores, ITestOutputHelper output)
{
    private readonly Action<string> _log = OutputLog.Of(output);

    [Fact]
    public async Task After_a_kill_a_pause_deadline_that_passed_while_the_host_was_down_fires_at_once_and_the_acknowledgement_is_kept()
    {
        var cluster = ClusterIdentity.New();
        var ports = HostPorts.Free();
        var before = await KilledAfterAnAcknowledgement(cluster, ports, "kill-1", "B1");
        var patientId = before.PatientId;

        // Down for longer than the pause's restart-due deadline.
        var restartAt = before.KilledAt + RestartDueAfter + TimeSpan.FromMinutes(1);
        await using var second = await HostProcess.StartAsync(stores, cluster, "kill-2", ports, restartAt, _log);
        using var nurse = await second.SignIn(TestUsers.Charge);

        // The first call activates the patient: its recheck of the persisted deadline fires RESTART_DUE at once.
        var after = await ProductionHost.Patient(nurse, patientId);
        Report(second, "deadline passed while down");
        Assert.Equal(PauseState.RestartDue, after.PauseProtocol.State);
        Assert.Equal((before.Patient.PauseProtocol.PausedAt, before.Patient.PauseProtocol.RestartDueAt), (after.PauseProtocol.PausedAt, after.PauseProtocol.RestartDueAt));

        var alerts = await ProductionHost.Alerts(nurse, patientId);
        Assert.Equal(restartAt, Assert.Single(alerts, a => a.RuleId == RestartDue).RaisedAt);
        AssertHallucinationStillUnacknowledged(before, alerts);

        // The acknowledgement made just before the kill was stored: two hours on, the acknowledged HIGH that still holds
        // re-alarms at once (a lost acknowledgement would have escalated instead, unacknowledged since before the kill).
        var sedation = Assert.Single(alerts, a => a.Id == before.Acknowledged.Id);
        Assert.Equal((AlertState.Active, restartAt, false), (sedation.State, sedation.ReAlarmedAt, sedation.Escalated));

        // The audit trail (PostgreSQL) kept everything, the acknowledgement included, and goes on.
        var audit = await Polling.Until(
            () => ProductionHost.Audit(nurse, patientId),
            entries => entries.Any(e => e.Action == "alert-raised" && e.Details.Contains(RestartDue, StringComparison.Ordinal)),
            "RESTART_DUE in the audit trail", ProductionHost.Generous);
        AssertAuditKept(before, audit);
        Assert.Equal(restartAt, audit.Single(e => e.Action == "alert-raised" && e.Details.Contains(RestartDue, StringComparison.Ordinal)).At);
        Assert.Contains(audit, e => e.Action == "alert-re-alarmed" && e.At == restartAt && Names(e, before.Acknowledged.Id));
    }

    [Fact]
    public async Task After_a_kill_the_acknowledgement_made_last_is_there_and_a_deadline_still_ahead_fires_at_its_own_time()
    {
        var cluster = ClusterIdentity.New();
        var ports = HostPorts.Free();
        var before = await KilledAfterAnAcknowledgement(cluster, ports, "kill-ahead-1", "B2");
        var patientId = before.PatientId;

        // Back 30 s later: before any deadline (escalation after 60 s, re-alarm of an acknowledged HIGH after 300 s,
        // restart due after 120 min), so every alert must be exactly as it was.
        var restartAt = before.KilledAt + TimeSpan.FromSeconds(30);
        await using var second = await HostProcess.StartAsync(stores, cluster, "kill-ahead-2", ports, restartAt, _log);
        using var charge2 = await second.SignIn(TestUsers.Charge);
        Assert.Equal(PauseState.Paused, (await ProductionHost.Patient(charge2, patientId)).PauseProtocol.State);
        Report(second, "deadline still ahead");

        var alerts = await ProductionHost.Alerts(charge2, patientId);
        Assert.Equal(Durable(before.Hallucination), Durable(Assert.Single(alerts, a => a.RuleId == Hallucination)));
        var acknowledged = Assert.Single(alerts, a => a.Id == before.Acknowledged.Id);
        Assert.Equal(Durable(before.Acknowledged), Durable(acknowledged));
        Assert.Equal((AlertState.Acknowledged, TestUsers.Charge.Username, AcknowledgementNote), (acknowledged.State, acknowledged.AcknowledgedBy, acknowledged.Note));
        Assert.DoesNotContain(alerts, a => a.RuleId == RestartDue);

        var audit = await ProductionHost.Audit(charge2, patientId);
        AssertAuditKept(before, audit);
        Assert.Equal(before.AuditBeforeAcknowledgement.Count + 1, audit.Count);

        // The deadlines still ahead fire on the new process at their own instants: the acknowledged HIGH re-alarms
        // 300 s after its acknowledgement, RESTART_DUE at the pause's restart-due time.
        var dueAt = before.Patient.PauseProtocol.RestartDueAt ?? throw new InvalidOperationException("no restart-due deadline");
        await AdvanceClockPast(charge2, dueAt);
        Assert.Equal(PauseState.RestartDue, (await ProductionHost.Patient(charge2, patientId)).PauseProtocol.State);
        alerts = await ProductionHost.Alerts(charge2, patientId);
        Assert.Equal(dueAt, Assert.Single(alerts, a => a.RuleId == RestartDue).RaisedAt);
        Assert.Contains(
            await ProductionHost.Audit(charge2, patientId),
            e => e.Action == "alert-re-alarmed" && e.At == before.Acknowledged.AcknowledgedAt + ReAlarmAcknowledgedHighAfter
                && Names(e, before.Acknowledged.Id));
    }

    /// <summary>A host process with the kill scenario's patient, killed with SIGKILL right after the acknowledgement.</summary>
    private async Task<BeforeKill> KilledAfterAnAcknowledgement(ClusterIdentity cluster, HostPorts ports, string name, string bedId)
    {
        await using var host = await HostProcess.StartAsync(stores, cluster, name, ports, WholeSecondNow(), _log);
        using var charge = await host.SignIn(TestUsers.Charge);
        var before = await PausedWithAnAcknowledgementLast(charge, NewPatientId(), bedId);
        await host.Kill();
        return before;
    }

    private void Report(HostProcess host, string what) =>
        _log($"RECOVERY ({what}): {host.Name} ready {host.ReadyAfter.TotalSeconds:0.0} s after process start; "
            + $"first answer about the patient (sign-in included) {host.SinceStart.TotalSeconds:0.0} s after process start");
}
