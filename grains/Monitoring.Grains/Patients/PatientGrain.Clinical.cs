using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Alerts;
using Monitoring.Grains.Logging;
using Monitoring.Grains.Trends;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Patients;

/// <summary>Charting, clinicians' decisions, acknowledgements, and the read side.</summary>
public sealed partial class PatientGrain
{
    public Task<ApplyOutcome> RecordObservation(ObservationMessage message) => FromIngest(() => ChartObservation(message));

    private async Task<ApplyOutcome> ChartObservation(ObservationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!S.IsAdmitted)
        {
            return ApplyOutcome.UnknownPatient;
        }

        var id = message.Reading.ObservationId;
        if (S.SeenObservationIds.Contains(id))
        {
            return ApplyOutcome.Duplicate;
        }

        S.SeenObservationIds.Add(id);
        if (S.SeenObservationIds.Count > _options.ObservationIdsKept)
        {
            S.SeenObservationIds.RemoveAt(0);
        }

        var now = Now;
        var reading = message.Reading with { ReceivedAt = now };
        // Charting is audited like every other clinical entry: who (the signed-in user, or the app's recordedBy), what, from where.
        await Evaluate((engine, s, ctx) => engine.OnObservation(s, reading, ctx), transition: true,
            audit: () => Audit(now, string.IsNullOrWhiteSpace(reading.RecordedBy) ? message.SourceId : reading.RecordedBy,
                AuditActions.ObservationRecorded, ObservationAudit.Details(reading, message.SourceId)));
        if (reading.Kind == ObservationKind.Pain)
        {
            _trends.Add(TrendHistory.Pain, now, reading.Number, now);
        }

        _logger.ObservationRecorded(_patientId, id, reading.Kind, message.SourceId);
        return ApplyOutcome.Applied;
    }

    public async Task<GrainResult> RetractObservation(string observationId, string reason, string actor)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return GrainResult.Refused("reason", "is required");
        }

        if (!S.IsAdmitted)
        {
            return GrainResult.NotFound($"patient {PatientId} is not admitted");
        }

        var observation = S.Clinical!.Observations.FirstOrDefault(o => o.ObservationId == observationId);
        if (observation is null)
        {
            return GrainResult.NotFound($"observation {observationId} is not in the record of patient {PatientId}");
        }

        var now = Now;
        await Evaluate((engine, s, ctx) => engine.RetractObservation(s, observationId, ctx), transition: true,
            audit: () => Audit(now, actor, AuditActions.ObservationRetracted, $"{observationId} ({Contracts.Wire.Name(observation.Kind)}): {reason}"));
        return GrainResult.Ok;
    }

    public async Task<GrainResult> Act(ClinicianAction action, string actor)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (string.IsNullOrWhiteSpace(action.Reason))
        {
            return GrainResult.Refused("reason", "is required");
        }

        if (!S.IsAdmitted)
        {
            return GrainResult.NotFound($"patient {PatientId} is not admitted");
        }

        var now = Now;

        // The decision's entry is stored by the write of the change it makes (before an acknowledgement it causes).
        void AuditDecision(string details) => Audit(now, actor, AuditActions.ClinicianAction, details);
        switch (action.Action?.Trim().ToLowerInvariant())
        {
            case "stop-course":
                await Evaluate(static (engine, s, ctx) => engine.StopCourse(s, ctx), transition: true,
                    audit: () => AuditDecision($"stop-course: {action.Reason}"));
                break;
            case "restart-course":
                if (S.Clinical!.Course.StoppedAt is null)
                {
                    return GrainResult.Conflict("the course is not stopped: restart-course starts a new course after stop-course");
                }

                await Evaluate(static (engine, s, ctx) => engine.RestartCourse(s, ctx), transition: true,
                    audit: () => AuditDecision($"restart-course: {action.Reason}"));
                break;
            case "override-contraindication":
                if (string.IsNullOrWhiteSpace(action.Target))
                {
                    return GrainResult.Refused("target", "is required: the contraindication to override");
                }

                var target = AdmissionRules.Canonical(action.Target);
                if (target is null || !S.Clinical!.Contraindications.Contains(target))
                {
                    return GrainResult.Refused("target", $"'{action.Target}' is not a contraindication recorded for this patient");
                }

                await Evaluate((engine, s, ctx) => engine.OverrideContraindication(s, target, action.Reason, ctx), transition: true,
                    audit: () => AuditDecision($"override-contraindication {target}: {action.Reason}"));

                // The protocol: the override resolves the alert. The charge nurse's decision, with its reason, is the
                // acknowledgement; without it the HIGH alert would latch. Only when nothing else still holds it.
                if (_book.Open.FirstOrDefault(a => a.RuleId == Protocol.Rules.RuleIds.Contraindicated && a.State == AlertState.Latched) is { } latched)
                {
                    await Acknowledge(latched.Id, actor, $"contraindication {target} overridden: {action.Reason}");
                }

                break;
            case "comfort-care-on":
            case "comfort-care-off":
                var on = action.Action.Trim().EndsWith("on", StringComparison.OrdinalIgnoreCase);
                await Evaluate((engine, s, ctx) => engine.SetComfortCare(s, on, ctx), transition: true,
                    audit: () => AuditDecision($"comfort-care-{(on ? "on" : "off")}: {action.Reason}"));
                break;
            default:
                return GrainResult.Refused("action", "must be stop-course, restart-course, override-contraindication, comfort-care-on or comfort-care-off");
        }

        _logger.ClinicianAction(_patientId, action.Action, actor);
        return GrainResult.Ok;
    }

    public async Task<GrainResult> RecordReview(bool benefit, string note, string actor)
    {
        if (!S.IsAdmitted)
        {
            return GrainResult.NotFound($"patient {PatientId} is not admitted");
        }

        var now = Now;
        // The finding is the engine's, so the entry is made after the step, before the write.
        await Evaluate((engine, s, ctx) => engine.RecordReview(s, benefit, ctx), transition: true, audit: () => Audit(now, actor, AuditActions.ReviewRecorded,
            $"benefit {(benefit ? "yes" : "no")}; pain data: {S.Clinical!.Course.NoBenefitFinding ?? "benefit shown"}{(string.IsNullOrWhiteSpace(note) ? "" : $"; note: {note}")}"));
        return GrainResult.Ok;
    }

    public async Task<GrainResult> Acknowledge(string alertId, string actor, string? note)
    {
        if (S.Admission is null || S.Clinical is null)
        {
            return GrainResult.NotFound($"no open alert has the id {alertId}");
        }

        var now = Now;
        var result = _book.Acknowledge(alertId, actor, note, now, Parameters.Alerts);
        if (AcknowledgeAnswers.Refusal(result, alertId) is { } refused)
        {
            return refused;
        }

        _book = result.Book;
        var acknowledged = result.Events.Select(e => (e, actor)).ToList();
        if (S.IsAdmitted)
        {
            await Evaluate(static (engine, s, ctx) => engine.Evaluate(s, ctx), transition: true, earlier: acknowledged);
        }
        else
        {
            // A discharged patient is not evaluated: only the acknowledgement itself is kept and told.
            await Commit(now, acknowledged, [], write: true, engineDeadline: null, announceSnapshot: true);
        }

        return GrainResult.Ok;
    }

    public Task<PatientSnapshot?> GetSnapshot() =>
        Task.FromResult(S.Admission is null || S.Clinical is null ? null : PatientSnapshots.Build(S, _book.Open, Now, Parameters));

    public Task<IReadOnlyList<AlertView>> GetAlerts(bool includeResolved)
    {
        IEnumerable<Alert> alerts = _book.Open;
        if (includeResolved)
        {
            alerts = S.ResolvedAlerts.Concat(alerts);
        }

        IReadOnlyList<AlertView> views = [.. alerts.OrderBy(a => a.RaisedAt).Select(View)];
        return Task.FromResult(views);
    }

    public Task<IReadOnlyList<ObservationView>> GetObservations()
    {
        IReadOnlyList<ObservationView> views = S.Clinical is not { } clinical
            ? []
            : clinical.Observations.Reverse().Select(ObservationViews.From).ToList();
        return Task.FromResult(views);
    }

    public Task<PatientTrends> GetTrends(TimeSpan window) => Task.FromResult(_trends.Window(PatientId, window, Now));
}
