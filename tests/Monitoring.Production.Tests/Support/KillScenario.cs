using System.Net.Http.Json;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Pause;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// The ward situation issue 6 kills a host in: a patient in a hallucination pause with its HIGH alert unacknowledged, and
/// a second HIGH alert (deep sedation) acknowledged by the charge nurse as the last request before the kill.
/// </summary>
public static class KillScenario
{
    public const string Hallucination = "HALLUCINATION";
    public const string Sedation = "SEDATION";
    public const string RestartDue = "RESTART_DUE";
    public const string AcknowledgementNote = "seen, reassessing";

    public static readonly TimeSpan RestartDueAfter = TimeSpan.FromMinutes(120); // seeds/ketamine-protocol.json pause.restartDueAfterMinutes

    public static readonly TimeSpan ReAlarmAcknowledgedHighAfter = TimeSpan.FromSeconds(300); // seeds/ketamine-protocol.json alerts.reAlarmAcknowledgedHighAfterSeconds

    /// <summary>RASS -4: at or below the SEDATION threshold of -3 (seeds/ketamine-protocol.json sedation.rassAtOrBelow).</summary>
    private const int DeeplySedated = -4;

    public static string NewPatientId() => $"p-{Guid.NewGuid():N}"[..14];

    /// <summary>Now, to the whole second (the virtual clock starts on a whole second).</summary>
    public static DateTimeOffset WholeSecondNow()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>
    /// Admits the patient, records a hallucination (pause, HIGH alert) and a deep sedation (a second HIGH alert), reads
    /// what is known, then acknowledges the sedation alert as the last request: the caller kills the host next.
    /// </summary>
    public static async Task<BeforeKill> PausedWithAnAcknowledgementLast(Session charge, string patientId, string bedId)
    {
        await ProductionHost.Admit(charge, patientId, bedId);
        await ProductionHost.RecordHallucination(charge, patientId);
        var sedation = new { observationId = $"obs-{Guid.NewGuid():N}", kind = "sedation", value = DeeplySedated };
        var recorded = await charge.Http.PostAsJsonAsync(new Uri($"/api/patients/{patientId}/observations", UriKind.Relative), sedation);
        Assert.True(recorded.IsSuccessStatusCode, $"sedation observation answered {(int)recorded.StatusCode}: {await recorded.Content.ReadAsStringAsync()}");

        var patient = await ProductionHost.Patient(charge, patientId);
        Assert.Equal(PauseState.Paused, patient.PauseProtocol.State);
        var alerts = await ProductionHost.Alerts(charge, patientId);
        var hallucination = Assert.Single(alerts, a => a.RuleId == Hallucination);
        Assert.Equal((AlertPriority.High, AlertState.Active, null), (hallucination.Priority, hallucination.State, hallucination.AcknowledgedBy));
        var toAcknowledge = Assert.Single(alerts, a => a.RuleId == Sedation);
        Assert.Equal((AlertPriority.High, AlertState.Active), (toAcknowledge.Priority, toAcknowledge.State));
        var audit = await ProductionHost.Audit(charge, patientId);
        var now = await ProductionHost.ClockNow(charge);

        var acknowledged = await ProductionHost.Acknowledge(charge, toAcknowledge.Id, AcknowledgementNote);
        Assert.Equal((AlertState.Acknowledged, TestUsers.Charge.Username), (acknowledged.State, acknowledged.AcknowledgedBy));
        return new BeforeKill(patientId, patient, hallucination, acknowledged, audit, now);
    }

    /// <summary>
    /// The audit trail after the kill begins with the trail before it, then the acknowledgement made last (by the charge
    /// nurse, at its own time, naming the alert): nothing lost, nothing rewritten.
    /// </summary>
    public static void AssertAuditKept(BeforeKill before, IReadOnlyList<AuditEntry> after)
    {
        Assert.True(after.Count > before.AuditBeforeAcknowledgement.Count, $"the audit trail has {after.Count} entries, fewer than before the kill");
        Assert.Equal(before.AuditBeforeAcknowledgement, after.Take(before.AuditBeforeAcknowledgement.Count));
        var acknowledgement = after[before.AuditBeforeAcknowledgement.Count];
        Assert.Equal(("alert-acknowledged", TestUsers.Charge.Username, before.Acknowledged.AcknowledgedAt), (acknowledgement.Action, acknowledgement.Actor, (DateTimeOffset?)acknowledgement.At));
        Assert.True(Names(acknowledgement, before.Acknowledged.Id), $"the acknowledgement's audit entry names another alert: {acknowledgement.Details}");
    }

    /// <summary>Whether the audit entry is about the alert <paramref name="alertId"/> (its details begin with the id).</summary>
    public static bool Names(AuditEntry entry, string alertId) => entry.Details.StartsWith($"{alertId} ", StringComparison.Ordinal);

    /// <summary>
    /// The HALLUCINATION alert is the same alert as before the kill (id, priority, raised at) and nobody acknowledged it.
    /// </summary>
    public static void AssertHallucinationStillUnacknowledged(BeforeKill before, IReadOnlyList<AlertView> after)
    {
        var alert = Assert.Single(after, a => a.RuleId == Hallucination);
        Assert.Equal((before.Hallucination.Id, before.Hallucination.Priority, before.Hallucination.RaisedAt), (alert.Id, alert.Priority, alert.RaisedAt));
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Null(alert.AcknowledgedBy);
    }

    /// <summary>
    /// What an alert is, as a record: everything but Count and LastChangedAt, which move with every evaluation in which
    /// the condition still holds (the new activation's recheck of its deadlines is one).
    /// </summary>
    public static object Durable(AlertView a) =>
        new { a.Id, a.PatientId, a.RuleId, a.Priority, a.Kind, a.State, a.Escalated, a.RaisedAt, a.AcknowledgedBy, a.AcknowledgedAt, a.Note, a.ReAlarmedAt, a.BedId };

    /// <summary>Advances the host's virtual clock (at most an hour per call) until it is past <paramref name="instant"/>.</summary>
    public static async Task AdvanceClockPast(Session charge, DateTimeOffset instant)
    {
        var target = instant + TimeSpan.FromSeconds(1);
        var now = await ProductionHost.ClockNow(charge);
        while (now < target)
        {
            now = await ProductionHost.AdvanceClock(charge, (int)Math.Min(3600, Math.Ceiling((target - now).TotalSeconds)));
        }
    }
}
