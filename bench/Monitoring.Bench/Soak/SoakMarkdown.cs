using System.Globalization;
using System.Text;

namespace Monitoring.Bench.Soak;

/// <summary>bench/results/soak.md: the method, the seed, the machine and the figures of one soak.</summary>
public static class SoakMarkdown
{
    public static string Write(SoakReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"# Chaos soak");
        Line($"");
        Line($"**{(report.Passed ? "PASSED" : "FAILED")}**: {report.AcknowledgedLost} acknowledged messages lost, {report.AlertsMissed} expected alerts missed.");
        Line($"");
        Line($"Run by `bench/soak.sh --minutes {s.Minutes} --beds {s.Beds} --seed {s.Seed}` on {report.StartedAt:yyyy-MM-dd HH:mm}Z, commit {report.Commit}; devices ran {report.DevicesRanSeconds:0} s.");
        Line($"Machine: {report.Machine.Cpu}, {report.Machine.Cores} cores, {report.Machine.MemoryBytes / 1024 / 1024 / 1024} GiB, {report.Machine.Os}, {report.Machine.Runtime}; load average {report.Machine.LoadAverageAtStart:0.00} at the start. The cores are shared with other work (builds, tests): every process of the soak (two hosts, Mosquitto, Redis, PostgreSQL, the devices and the checker) runs on them, so the times below are upper bounds for this machine, not the product's.");
        Line($"The same seed gives the same fault schedule (kinds, order, outages, gaps, which host) and the same labelled events (rules, beds, times); what the machine does meanwhile is not reproducible.");
        Line($"");
        Line($"## Method");
        Line($"");
        Line($"- **System**: the production profile as separate processes on loopback: two `Monitoring.Host` processes (Release, `ASPNETCORE_ENVIRONMENT=Production`) forming one Orleans cluster on Redis, the audit trail in PostgreSQL, and Mosquitto with persistence as `deploy/mosquitto/mosquitto.conf` (autosave every 10 s, 200,000 queued, 100 in flight); each host has its own persistent MQTT session (fixed client id), so every message reaches both and the patient grain takes it once. Redis and PostgreSQL are reached through a relay each, which an outage severs. Anonymous MQTT (the devices share 4 connections; the ACL is covered by the end-to-end suite).");
        Line($"- **Load**: {s.Beds} beds admitted across {(s.Beds + s.BedsPerWard - 1) / s.BedsPerWard} enforcing wards of {s.BedsPerWard}, each a simulated pump following its regimen (obeying the product's commands) and a noisy monitor (the simulators' devices, `simulators/ward-profile.yaml`), each reporting every {s.ReportEvery.TotalSeconds:0} s and on every change; the charting app charting pain every {s.ChartEvery.TotalMinutes:0} min per bed (RASS every other round). QoS 1 throughout.");
        Line($"- **Faults**: from {s.Settle.TotalSeconds:0} s on, in shuffled rounds of the four kinds, one at a time, each lasting {s.OutageSeconds.Min}-{s.OutageSeconds.Max} s, then a wait until every host answers `/health/ready` 200 (the recovery time below) and a gap of {s.GapSeconds.Min}-{s.GapSeconds.Max} s: SIGKILL of one of the two hosts (restarted after the outage), SIGKILL of Mosquitto (restarted), Redis unreachable, PostgreSQL unreachable.");
        Line($"- **Labelled true events** ({s.EventsPerKind} of each, at random times, faults or not, each on a bed of its own): the pump run at 1.5 x the ceiling for the patient's weight (must raise CEILING; seeds/ketamine-protocol.json `ceilingMgPerKgPerHour`), and a running pump silent for twice the comms-loss limit (must raise PUMP_COMMS_LOST; `comms.pumpLostSeconds`). Deadline: 15 s after the event (plus the comms-loss limit for PUMP_COMMS_LOST), and for every fault whose span (start to recovery) overlaps the window, that span plus {AlertDeadline.PerFault.TotalSeconds:0} s more. Raised: an alert of the rule on the patient raised after the event (its `raisedAt`; seen in any hub `alertRaised` or `alertChanged` on either host, a REST poll of `/api/alerts` every 5 s, or the final read of open and resolved alerts: a ward answers `state=resolved` with only its latest 500) and by the deadline; the event is caused only on a bed with no open alert of its rule (another bed is taken, or it waits while every bed has one, as in a broker outage), and a charge nurse acknowledges every active or latched alert every 10 s, as a ward does (a HIGH alert latches until acknowledged).");
        Line($"- **Oracle**: every message the devices published is written down with its seq and whether Mosquitto PUBACKed it (acknowledged). Applied: a reading is applied when the patient's snapshot built by the grain shows it (pump state, rate and infused volume; the monitor's six vitals), in any `patientUpdated` push to a charge nurse's hub connection on either host, in a REST poll of every ward every 5 s, or in the final REST read; an observation when its `observation-recorded` entry is in the audit trail (REST `/api/audit`). **Lost**: acknowledged and not applied. The one exception, counted apart and never as applied: a reading sent during a host kill (5 s before it to 30 s after recovery) that no snapshot showed but that a later shown reading of the same device followed: the dying host's pushes, and every push while the cluster's push notifier moves to the survivor, die with it, so it may have been applied unseen (a steady reading's own effect is its freshness, which the next replaces: docs/faults.md, \"What a PUBACK confirms\"). Outside host kills pushes are not at risk, so there an unseen reading is lost.");
        Line($"");
        Line($"## Messages");
        Line($"");
        Line($"| kind | published | acknowledged (PUBACK) | applied | acknowledged but lost | unseen during a host kill |");
        Line($"|---|---:|---:|---:|---:|---:|");
        foreach (var m in report.Messages)
        {
            Line($"| {m.Kind} | {m.Published:N0} | {m.Acknowledged:N0} | {m.Applied:N0} | **{m.Lost:N0}** | {m.UnseenDuringHostKill:N0} |");
        }

        Line($"");
        Line($"{report.SnapshotsSeen:N0} snapshots seen (hub pushes and REST polls). Published but not acknowledged: the broker was down or the connection lost, so the device had no PUBACK; the product owes those nothing, and the device reported again at its next tick.");
        Line($"");
        Line($"## Alerts");
        Line($"");
        Line($"| rule | expected | raised in time | missed | latency p50 (s) | latency max (s) |");
        Line($"|---|---:|---:|---:|---:|---:|");
        foreach (var a in report.Alerts)
        {
            Line($"| {a.RuleId} | {a.Expected} | {a.Raised} | **{a.Missed}** | {a.LatencyP50Seconds:0.0} | {a.LatencyMaxSeconds:0.0} |");
        }

        foreach (var missed in report.Missed)
        {
            Line($"- MISSED {missed.Event.RuleId} on {missed.Event.PatientId} ({missed.Event.What}) at {missed.Event.InjectedAt:0.0} s, deadline {missed.Deadline:0.0} s{(missed.RaisedAt is { } at ? $", raised at {at:0.0} s" : ", never raised")}");
        }

        Line($"");
        Line($"## By fault");
        Line($"");
        Line($"| fault | times | outage in all (s) | slowest recovery (s) | acknowledged during | lost during | unseen during a host kill | labelled events overlapping | missed of those |");
        Line($"|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var f in report.ByFault)
        {
            Line($"| {f.Kind} | {f.Count} | {f.OutageSeconds:0.0} | {f.MaxRecoverySeconds:0.0} | {f.AcknowledgedDuring:N0} | **{f.LostDuring:N0}** | {f.UnseenDuring:N0} | {f.AlertsExpectedDuring} | **{f.AlertsMissedDuring}** |");
        }

        Line($"");
        Line($"\"During\" a fault: sent from 5 s before it began until 30 s after every host was ready again.");
        Line($"");
        Line($"## Faults as they happened");
        Line($"");
        Line($"| # | fault | target | began (s) | ended (s) | outage (s) | every host ready after (s) |");
        Line($"|---:|---|---|---:|---:|---:|---:|");
        var n = 0;
        foreach (var f in report.Faults)
        {
            Line($"| {++n} | {f.Kind} | {f.Target} | {f.StartedAt:0.0} | {f.EndedAt:0.0} | {f.OutageSeconds:0.0} | {f.RecoverySeconds:0.0} |");
        }

        Line($"");
        Line($"## Host ingest counters (the last process of each host, since its start)");
        Line($"");
        foreach (var (host, counters) in report.HostCounters)
        {
            Line($"- {host}: {string.Join(", ", counters.Select(c => $"{c.Key} {c.Value:N0}"))}");
        }

        if (report.Notes.Count > 0)
        {
            Line($"");
            Line($"## Notes");
            Line($"");
            foreach (var note in report.Notes)
            {
                Line($"- {note}");
            }
        }

        return text.ToString();
    }
}
