using Monitoring.Contracts.Views;
using Monitoring.Production.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;
using Xunit.Abstractions;
using Monitoring.Protocol.Pause;

namespace Monitoring.Production.Tests;

/// <summary>
/// Nothing clinical lives only in a host: with a patient in a hallucination pause and an unacknowledged HIGH alert, and
/// an acknowledgement made just before the stop, a host is stopped and a new one started on the same Redis and
/// PostgreSQL. The grains run on the virtual clock, so "two hours pass while the host is down" is the new host's clock
/// starting two hours later.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class RestartDurabilityTests(Stores stores, ITestOutputHelper output)
{
    private const string Hallucination = "HALLUCINATION";
    private const string RestartDue = "RESTART_DUE";

    private static readonly TimeSpan RestartDueAfter = TimeSpan.FromMinutes(120); // seeds/ketamine-protocol.json

    [Fact]
    public async Task A_pause_deadline_that_passed_while_the_host_was_down_fires_at_once_on_the_new_host()
    {
        var cluster = ClusterIdentity.New();
        var patient = NewPatientId();

        PatientSnapshot before;
        AlertView alertBefore;
        List<AuditEntry> auditBefore;
        DateTimeOffset stoppedAt;
        var first = await Start(cluster, Whole(DateTimeOffset.UtcNow), "restart-1");
        await using (first)
        {
            using var charge = await first.SignIn(TestUsers.Charge);
            await ProductionHost.Admit(charge, patient, "B1");
            await ProductionHost.RecordHallucination(charge, patient);

            before = await ProductionHost.Patient(charge, patient);
            Assert.Equal(PauseState.Paused, before.PauseProtocol.State);
            alertBefore = Assert.Single(await ProductionHost.Alerts(charge, patient), a => a.RuleId == Hallucination);
            Assert.Equal((AlertPriority.High, AlertState.Active, null), (alertBefore.Priority, alertBefore.State, alertBefore.AcknowledgedBy));
            auditBefore = await ProductionHost.Audit(charge, patient);
            stoppedAt = await ProductionHost.ClockNow(charge);

            await Stop(first, "restart-1");
        }

        // Down for longer than the pause's restart-due deadline.
        var restartAt = stoppedAt + RestartDueAfter + TimeSpan.FromMinutes(1);
        var second = await Start(cluster, restartAt, "restart-2");
        await using (second)
        {
            using var charge = await second.SignIn(TestUsers.Charge);

            // The first call activates the patient: its recheck of the persisted deadline fires RESTART_DUE at once.
            var after = await ProductionHost.Patient(charge, patient);
            Assert.Equal(PauseState.RestartDue, after.PauseProtocol.State);
            Assert.Equal(before.PauseProtocol.PausedAt, after.PauseProtocol.PausedAt);
            Assert.Equal(before.PauseProtocol.RestartDueAt, after.PauseProtocol.RestartDueAt);
            var alerts = await ProductionHost.Alerts(charge, patient);
            var due = Assert.Single(alerts, a => a.RuleId == RestartDue);
            Assert.Equal(restartAt, due.RaisedAt);

            // The HIGH alert is the same alert, still unacknowledged (and re-alarmed by the protocol's new stage).
            var alertAfter = Assert.Single(alerts, a => a.RuleId == Hallucination);
            Assert.Equal((alertBefore.Id, alertBefore.Priority, alertBefore.RaisedAt), (alertAfter.Id, alertAfter.Priority, alertAfter.RaisedAt));
            Assert.Equal(AlertState.Active, alertAfter.State);
            Assert.Null(alertAfter.AcknowledgedBy);

            // The audit trail (PostgreSQL) is intact and goes on: the deadline that fired on the new host is in it.
            var auditAfter = await Polling.Until(
                () => ProductionHost.Audit(charge, patient),
                entries => entries.Any(e => e.Action == "alert-raised" && e.Details.Contains(RestartDue, StringComparison.Ordinal)),
                "RESTART_DUE in the audit trail", ProductionHost.Generous);
            Assert.Equal(auditBefore, auditAfter.Take(auditBefore.Count));
            Assert.Equal(restartAt, auditAfter.Single(e => e.Action == "alert-raised" && e.Details.Contains(RestartDue, StringComparison.Ordinal)).At);

            await Stop(second, "restart-2");
        }

    }

    [Fact]
    public async Task An_acknowledgement_just_before_the_stop_is_kept_and_a_deadline_still_ahead_fires_at_its_own_time()
    {
        var cluster = ClusterIdentity.New();
        var paused = NewPatientId();
        var acknowledged = NewPatientId();

        PatientSnapshot before;
        List<AlertView> alertsBefore;
        List<AuditEntry> auditBefore;
        AlertView acknowledgement;
        DateTimeOffset stoppedAt;
        var first = await Start(cluster, Whole(DateTimeOffset.UtcNow), "ack-1");
        await using (first)
        {
            using var charge = await first.SignIn(TestUsers.Charge);
            await ProductionHost.Admit(charge, paused, "B3");
            await ProductionHost.Admit(charge, acknowledged, "B4");
            await ProductionHost.RecordHallucination(charge, paused);
            await ProductionHost.RecordHallucination(charge, acknowledged);
            before = await ProductionHost.Patient(charge, paused);

            // The acknowledgement is the last thing before the stop.
            var toAcknowledge = Assert.Single(await ProductionHost.Alerts(charge, acknowledged), a => a.RuleId == Hallucination);
            acknowledgement = await ProductionHost.Acknowledge(charge, toAcknowledge.Id, "seen, reassessing");
            Assert.Equal((AlertState.Acknowledged, TestUsers.Charge.Username), (acknowledgement.State, acknowledgement.AcknowledgedBy));

            alertsBefore = [.. await ProductionHost.Alerts(charge, paused), .. await ProductionHost.Alerts(charge, acknowledged)];
            auditBefore = [.. await ProductionHost.Audit(charge, paused), .. await ProductionHost.Audit(charge, acknowledged)];
            stoppedAt = await ProductionHost.ClockNow(charge);

            await Stop(first, "ack-1");
        }

        var dueAt = before.PauseProtocol.RestartDueAt ?? throw new InvalidOperationException("no restart-due deadline");
        Assert.Equal(before.PauseProtocol.PausedAt + RestartDueAfter, dueAt);

        // Back 30 s later: before any deadline (escalation after 60 s, re-alarm of an acknowledged HIGH after 300 s),
        // so every alert must be exactly as it was.
        var second = await Start(cluster, stoppedAt + TimeSpan.FromSeconds(30), "ack-2");
        await using (second)
        {
            using var charge = await second.SignIn(TestUsers.Charge);
            Assert.Equal(PauseState.Paused, (await ProductionHost.Patient(charge, paused)).PauseProtocol.State);
            Assert.Equal(acknowledgement.State, (await ProductionHost.Patient(charge, acknowledged)).Alerts.Single(a => a.Id == acknowledgement.Id).State);

            List<AlertView> alertsAfter = [.. await ProductionHost.Alerts(charge, paused), .. await ProductionHost.Alerts(charge, acknowledged)];
            Assert.Equal(alertsBefore.Select(Durable), alertsAfter.Select(Durable));
            var kept = alertsAfter.Single(a => a.Id == acknowledgement.Id);
            Assert.Equal((TestUsers.Charge.Username, acknowledgement.AcknowledgedAt, "seen, reassessing"), (kept.AcknowledgedBy, kept.AcknowledgedAt, kept.Note));
            Assert.Equal(Hallucination, alertsAfter.Single(a => a.PatientId == paused && a.AcknowledgedBy is null).RuleId);

            List<AuditEntry> auditAfter = [.. await ProductionHost.Audit(charge, paused), .. await ProductionHost.Audit(charge, acknowledged)];
            Assert.Equal(auditBefore, auditAfter);
            Assert.Contains(auditAfter, e => e.Action == "alert-acknowledged" && e.Actor == TestUsers.Charge.Username && e.Details.Contains(acknowledgement.Id, StringComparison.Ordinal));

            // The deadline still ahead fires on the new host at its own instant.
            var now = await ProductionHost.ClockNow(charge);
            while (now < dueAt + TimeSpan.FromSeconds(1))
            {
                now = await ProductionHost.AdvanceClock(charge, (int)Math.Min(3600, Math.Ceiling((dueAt + TimeSpan.FromSeconds(1) - now).TotalSeconds)));
            }

            Assert.Equal(PauseState.RestartDue, (await ProductionHost.Patient(charge, paused)).PauseProtocol.State);
            Assert.Equal(dueAt, Assert.Single(await ProductionHost.Alerts(charge, paused), a => a.RuleId == RestartDue).RaisedAt);

            await Stop(second, "ack-2");
        }

    }

    /// <summary>
    /// What an alert is, as a record: everything but Count and LastChangedAt, which move with every evaluation in which
    /// the condition still holds (the new activation's recheck of its deadlines is one).
    /// </summary>
    private static object Durable(AlertView a) =>
        new { a.Id, a.PatientId, a.RuleId, a.Priority, a.Kind, a.State, a.Escalated, a.RaisedAt, a.AcknowledgedBy, a.AcknowledgedAt, a.Note, a.ReAlarmedAt, a.BedId };

    private static string NewPatientId() => $"p-{Guid.NewGuid():N}"[..14];

    private static DateTimeOffset Whole(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private async Task<ProductionHost> Start(ClusterIdentity cluster, DateTimeOffset clock, string name)
    {
        var host = await ProductionHost.StartAsync(stores, cluster, clock, name);
        output.WriteLine($"{name}: ready in {host.StartedIn.TotalSeconds:0.0} s (virtual clock at {clock:O})");
        return host;
    }

    private async Task Stop(ProductionHost host, string name) =>
        output.WriteLine($"{name}: stopped in {(await host.StopAsync()).TotalSeconds:0.0} s");
}
