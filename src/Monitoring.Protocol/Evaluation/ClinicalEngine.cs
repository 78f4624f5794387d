using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// The protocol applied to one patient: each input (a reading, a clinician's decision, a clock tick)
/// updates the patient's state, then every rule is evaluated. Pure: the server time comes in the
/// <see cref="EngineContext"/>, nothing is read from a clock, nothing is sent; commands come back as data.
/// </summary>
public sealed class ClinicalEngine(ProtocolParameters p)
{
    public ProtocolParameters Parameters => p;

    public EngineResult OnPumpStatus(PatientState s, PumpStatusReading r, EngineContext ctx)
    {
        if (s.Pump is not { } link || link.PumpId != r.PumpId)
        {
            throw new ArgumentException($"pump {r.PumpId} is not associated with patient {s.PatientId}", nameof(r));
        }

        var now = ctx.Now;
        var wasGoingIn = s.InfusionGoingIn;
        var ranBefore = (s.Course.LastRunningDoseRateMgPerKgPerHour, s.Course.LastRunningPumpId);
        var running = r.State == PumpState.Running;
        // A bolus is drug going in, not a pause: it neither starts nor ends the pause protocol.
        var goingIn = r.State is PumpState.Running or PumpState.Bolus;
        s = s with
        {
            Pump = link with { LastMessageAt = now, Status = r, ClockSkew = r.DeviceTs - r.ReceivedAt },
            DeviceProblems = s.DeviceProblems.Where(d => d.DeviceId != r.PumpId).ToList(),
            Commands = Answer(s.Commands, r, now),
        };

        var concentration = s.CheckingConcentrationMgPerMl;
        var weight = s.Prescription.WeightKg;
        decimal? doseRate = concentration is { } c && weight is { } w ? DoseRateCalculator.DoseRateMgPerKgPerHour(r.RateMlPerHour, c, w) : null;
        var withinCeiling = concentration is { } c1 && weight is { } w1
            && DoseRateCalculator.IsWithinCeiling(r.RateMlPerHour, c1, w1, p.DoseRate.CeilingMgPerKgPerHour);

        var course = s.Course;
        if (concentration is { } conc)
        {
            s = s with { Ledger = s.Ledger.WithPumpStatus(now, running, r.RateMlPerHour, conc) };
            if (running)
            {
                var window = p.DoseRate.DailyDoseWindow;
                course = TitrationPolicy.OnRunning(course, now,
                    DoseRateCalculator.ProgrammedDailyDoseMg(r.RateMlPerHour, conc, window),
                    DoseRateCalculator.ProgrammedDailyDoseMg(r.RateStepMlPerHour, conc, window), p.Titration);
            }
        }
        else if (running && !course.HasStarted)
        {
            course = course.WithDoseChange(now) with { StartedAt = now, LastIncreaseAt = now };
        }

        course = running && course.HasStarted && AssessmentRules.ReassessAfter(ranBefore, r.PumpId, doseRate) ? course.WithDoseChange(now) : course;
        if (running)
        {
            course = course with
            {
                LastRunningPumpId = r.PumpId,
                LastRunningDoseRateMgPerKgPerHour = doseRate,
                LastRunningRateMlPerHour = r.RateMlPerHour,
                LastInCeilingDoseRateMgPerKgPerHour = withinCeiling ? doseRate : course.LastInCeilingDoseRateMgPerKgPerHour,
            };
        }
        else if (wasGoingIn && !goingIn)
        {
            course = course with { LastStoppedAt = now };
        }

        // While the pump gives a bolus its rate is the bolus rate: the pause protocol waits for the next status.
        var pause = r.State == PumpState.Bolus
            ? new PauseTransition(s.Pause, [])
            : PausePolicy.OnPumpStatus(s.Pause, now, running, doseRate, r.RateMlPerHour, withinCeiling,
                EffectiveLimits.UsualMinMgPerKgPerHour(s, p), p.Pause);
        // A restart after the pause is a start: RASS and pain are due within the hour after it. So is the drug starting
        // again after stop-course (COURSE_STOPPED_RUNNING): the pause protocol has ended, but the patient is dosed anew.
        var restarted = pause.Events.Any(e => e is PauseEvent.RestartedLower or PauseEvent.RestartNotLower or PauseEvent.FirstStart)
            || (running && !wasGoingIn && course.StoppedAt is not null);
        course = restarted ? course.WithDoseChange(now) : course;

        s = s with { Course = course, Pause = pause.State };
        s = OrderPolicy.AfterPumpStatus(s, pause.Events, doseRate, now, p);
        if (pause.Events.Contains(PauseEvent.RestartedEarly))
        {
            // Each early restart still held makes the next one worse: a repeat re-alarms (I6).
            var since = pause.State.RestartedAt - s.Pause.PausedAt;
            var earlyRestarts = s.HeldEvents.Count(e => e.RuleId == RuleIds.RestartEarly && now < e.Until) + 1;
            s = Hold(s, RuleIds.RestartEarly, $"restarted {(since is { } d ? ValueText.Duration(d) : "")} after pausing for hallucination", now, r.PumpId, earlyRestarts);
        }

        return Finish(s, ctx, pause.Events);
    }

    public EngineResult OnBolus(PatientState s, BolusReading r, EngineContext ctx)
    {
        if (s.Pump is not { } link || link.PumpId != r.PumpId)
        {
            throw new ArgumentException($"pump {r.PumpId} is not associated with patient {s.PatientId}", nameof(r));
        }

        var now = ctx.Now;
        s = s with
        {
            Pump = link with { LastMessageAt = now, ClockSkew = r.DeviceTs - r.ReceivedAt },
            Ledger = s.Ledger.WithBolus(now, r.DoseMg, r.Kind),
            Course = s.Course.WithDoseChange(now),
            DeviceProblems = s.DeviceProblems.Where(d => d.DeviceId != r.PumpId).ToList(),
        };

        if (s.Pause.IsActive)
        {
            // Judged by what went in during this pause, so a second bolus is a worse value and re-alarms (I6).
            var inPause = PauseStartedAt(s.Pause) is { } from ? s.Ledger.BolusMg(from - TimeSpan.FromTicks(1), now) : r.DoseMg;
            var text = inPause > r.DoseMg ? $"; {ValueText.Number(inPause)} mg in boluses during this pause" : "";
            s = Hold(s, RuleIds.BolusInPause, $"{ValueText.Number(r.DoseMg)} mg during the hallucination pause{text}", now, r.PumpId, inPause);
        }

        var judgedAsTest = r.Kind == BolusKind.Test && s.Course.TestBolusCount < p.Bolus.TestBolusesPerCourse;
        if (r.Kind == BolusKind.Test)
        {
            s = s with { Course = s.Course with { TestBolusCount = s.Course.TestBolusCount + 1 } };
        }

        if (s.Prescription.WeightKg is not { } weight)
        {
            return Finish(Hold(s, RuleIds.WeightUnknown, $"bolus {ValueText.Number(r.DoseMg)} mg with weight unknown: cannot be checked", now, r.PumpId), ctx, []);
        }

        // The severity is the bolus's mg/kg: a bigger one while the first is held re-alarms (I6).
        var bolusMgPerKg = DoseRateCalculator.BolusMgPerKg(r.DoseMg, weight);
        var mgPerKg = ValueText.MgPerKg(bolusMgPerKg);
        if (judgedAsTest && r.DoseMg > p.Bolus.TestMaxMgPerKg * weight)
        {
            s = Hold(s, RuleIds.BolusTest, $"test bolus {mgPerKg}", now, r.PumpId, bolusMgPerKg);
        }
        else if (!judgedAsTest && r.DoseMg >= EffectiveLimits.AcuteBolusLimitMgPerKg(s, p) * weight)
        {
            var what = r.Kind == BolusKind.Test ? "second test bolus, judged as acute," : "acute bolus";
            s = Hold(s, RuleIds.BolusAcute, $"{what} {mgPerKg}", now, r.PumpId, bolusMgPerKg);
        }

        return Finish(s, ctx, []);
    }

    public EngineResult OnVitals(PatientState s, VitalsReading r, EngineContext ctx)
    {
        if (s.Monitor is not { } link || link.MonitorId != r.MonitorId)
        {
            throw new ArgumentException($"monitor {r.MonitorId} is not associated with patient {s.PatientId}", nameof(r));
        }

        var now = ctx.Now;
        var seen = new Dictionary<string, DateTimeOffset>(s.ParameterLastSeen);
        foreach (var (name, present) in new[]
        {
            ("SpO2", r.Spo2 is not null), ("RR", r.RespRate is not null), ("HR", r.HeartRate is not null),
            ("rhythm", r.Rhythm is not null), (DeviceRules.BloodPressure, r.Systolic is not null),
        })
        {
            if (present)
            {
                seen[name] = now;
            }
        }

        s = s with
        {
            Monitor = link with { LastMessageAt = now, ClockSkew = r.DeviceTs - r.ReceivedAt },
            Vitals = s.Vitals.With(r with { ReceivedAt = now }),
            ParameterLastSeen = seen,
            DeviceProblems = s.DeviceProblems.Where(d => d.DeviceId != r.MonitorId).ToList(),
        };
        return Finish(s, ctx, []);
    }

    public EngineResult OnObservation(PatientState s, ObservationReading r, EngineContext ctx)
    {
        var now = ctx.Now;
        if (s.Observations.Any(o => o.ObservationId == r.ObservationId))
        {
            return Finish(s, ctx, []); // a duplicate takes no effect
        }

        s = s with { Observations = [.. s.Observations, r with { ReceivedAt = now }] };
        IReadOnlyList<PauseEvent> events = [];
        switch (r.Kind)
        {
            case ObservationKind.Hallucination or ObservationKind.Delirium:
                var view = new PumpView(s.InfusionGoingIn, s.Course.LastStoppedAt,
                    s.Course.LastRunningDoseRateMgPerKgPerHour, s.Course.LastRunningRateMlPerHour);
                var pause = PausePolicy.OnHallucinationRecorded(s.Pause, now, view, p.Pause);
                s = s with { Pause = pause.State };
                events = pause.Events;
                break;
            // A midazolam dose is judged from the charted doses (BenzodiazepineRules), so a retraction recomputes it. On
            // top of ketamine and opioids it is the likeliest cause of over-sedation: RASS and pain are due within the hour.
            case ObservationKind.Benzodiazepine:
                s = s with { Course = s.Course.WithDoseChange(now) };
                break;
        }

        return Finish(s, ctx, events);
    }

    /// <summary>An entry made in error leaves the record (the caller audits it); everything is recomputed, a pause undone.</summary>
    public EngineResult RetractObservation(PatientState s, string observationId, EngineContext ctx)
    {
        var retracted = s.Observations.FirstOrDefault(o => o.ObservationId == observationId);
        s = s with { Observations = s.Observations.Where(o => o.ObservationId != observationId).ToList() };
        var (state, events) = HallucinationRetraction.Apply(s, retracted);
        return Finish(state, ctx, events);
    }

    /// <summary>A refused message from an associated device: it shows on the bed until the device sends a valid one.</summary>
    public EngineResult OnDeviceDataRefused(PatientState s, string deviceId, string reason, EngineContext ctx) =>
        Finish(s with
        {
            DeviceProblems = [.. s.DeviceProblems.Where(d => d.DeviceId != deviceId), new DeviceProblem(deviceId, reason, ctx.Now)],
        }, ctx, []);

    /// <summary>The clock moved: deadlines, delays, staleness and sliding windows are rechecked.</summary>
    public EngineResult OnTick(PatientState s, EngineContext ctx)
    {
        var now = ctx.Now;
        var pause = PausePolicy.OnTick(s.Pause, now, p.Pause);
        s = s with { Pause = pause.State };
        var course = s.Course;
        if (course.StartedAt is { } started && course.ReviewRecordedAt is null && !course.OverdueReviewEvaluated
            && now >= started + p.ResponseReview.OverdueAfter)
        {
            // At the overdue time NO_BENEFIT is judged from the pain data even without a review.
            s = s with { Course = course with { OverdueReviewEvaluated = true, NoBenefitFinding = BenefitAssessment.FindNoBenefit(s, now, p.ResponseReview) } };
        }

        return Finish(s, ctx, pause.Events);
    }

    public EngineResult StopCourse(PatientState s, EngineContext ctx)
    {
        var pause = PausePolicy.OnStopCourse(s.Pause, ctx.Now);
        return Finish(s with { Pause = pause.State, Course = s.Course with { StoppedAt = ctx.Now } }, ctx, pause.Events);
    }

    /// <summary>A clinician restarts a stopped course: a new course begins (no pause protocol); the delivered dose stays.</summary>
    public EngineResult RestartCourse(PatientState s, EngineContext ctx) =>
        Finish(s with { Course = CourseState.None, Pause = PauseProtocolState.Initial }, ctx, []);

    /// <summary>A charge nurse transcribes the prescriber's order; throws <see cref="ArgumentException"/> outside the protocol's bounds (<see cref="OrderValidation"/>).</summary>
    public EngineResult RecordOrder(PatientState s, CourseOrder order, EngineContext ctx) =>
        Finish(OrderPolicy.Record(s, order, ctx.Now, p), ctx, []);

    /// <summary>Patient-specific limits, each never looser than the ward's; throws <see cref="ArgumentException"/> otherwise.</summary>
    public EngineResult SetPatientLimits(PatientState s, PatientLimits limits, EngineContext ctx) =>
        Finish(OrderPolicy.SetLimits(s, limits, ctx.Now, p), ctx, []);

    public EngineResult SetComfortCare(PatientState s, bool on, EngineContext ctx) => Finish(s with { ComfortCare = on }, ctx, []);

    public EngineResult OverrideContraindication(PatientState s, string contraindication, string reason, EngineContext ctx)
    {
        if (!s.Contraindications.Contains(contraindication))
        {
            throw new ArgumentException($"{contraindication} is not recorded for patient {s.PatientId}", nameof(contraindication));
        }

        var overrides = new Dictionary<string, string>(s.OverriddenContraindications) { [contraindication] = reason };
        return Finish(s with { OverriddenContraindications = overrides }, ctx, []);
    }

    /// <summary>A recorded review resolves RESPONSE_REVIEW; NO_BENEFIT is computed from the pain data whatever the verdict.</summary>
    public EngineResult RecordReview(PatientState s, bool benefit, EngineContext ctx)
    {
        var finding = BenefitAssessment.FindNoBenefit(s, ctx.Now, p.ResponseReview);
        return Finish(s with { Course = s.Course with { ReviewRecordedAt = ctx.Now, ReviewBenefit = benefit, NoBenefitFinding = finding } }, ctx, []);
    }

    /// <summary>A new pump replaces (and releases) the patient's current one; dose, titration and pause stay with the patient.</summary>
    public EngineResult AssociatePump(PatientState s, string pumpId, EngineContext ctx) =>
        Finish(CloseInfusion(s, ctx.Now) with { Pump = new PumpLink(pumpId, ctx.Now) }, ctx, []);

    public EngineResult AssociateMonitor(PatientState s, string monitorId, EngineContext ctx) =>
        Finish(s with { Monitor = new MonitorLink(monitorId, ctx.Now), ParameterLastSeen = new Dictionary<string, DateTimeOffset>() }, ctx, []);

    public EngineResult ReleaseDevice(PatientState s, string deviceId, EngineContext ctx)
    {
        IReadOnlyList<PauseEvent> events = [];
        if (s.Pump?.PumpId == deviceId)
        {
            var pause = PausePolicy.OnPumpReleased(s.Pause, ctx.Now, p.Pause);
            s = CloseInfusion(s, ctx.Now) with { Pump = null, Pause = pause.State };
            events = pause.Events;
        }
        else if (s.Monitor?.MonitorId == deviceId)
        {
            s = s with { Monitor = null };
        }

        return Finish(s with { DeviceProblems = s.DeviceProblems.Where(d => d.DeviceId != deviceId).ToList() }, ctx, events);
    }

    /// <summary>Only re-evaluates (after the caller changed admission facts such as weight or flags).</summary>
    public EngineResult Evaluate(PatientState s, EngineContext ctx) => Finish(s, ctx, []);

    /// <summary>The current pump leaves: its open infusion segment closes and its commands no longer apply.</summary>
    private static PatientState CloseInfusion(PatientState s, DateTimeOffset now)
    {
        var wasGoingIn = s.InfusionGoingIn;
        var ledger = s.Ledger.OpenSegment is { } open ? s.Ledger.WithPumpStatus(now, false, open.RateMlPerHour, open.ConcentrationMgPerMl) : s.Ledger;
        var commands = s.Pump is { } pump ? s.Commands.Where(c => c.PumpId != pump.PumpId).ToList() : s.Commands;
        return s with { Ledger = ledger, Commands = commands, Course = wasGoingIn ? s.Course with { LastStoppedAt = now } : s.Course };
    }

    private static IReadOnlyList<PumpCommand> Answer(IReadOnlyList<PumpCommand> commands, PumpStatusReading r, DateTimeOffset now) =>
        r.LastCommandId is null || r.LastCommandResult is null
            ? commands
            : commands.Select(c => c.CommandId == r.LastCommandId && c.Result is null
                ? c with { Result = r.LastCommandResult, AnsweredAt = now }
                : c).ToList();

    private PatientState Hold(PatientState s, string ruleId, string value, DateTimeOffset now, string? deviceId, decimal? severity = null) =>
        s with { HeldEvents = [.. s.HeldEvents, new HeldEvent(ruleId, p.Rule(ruleId).Priority, value, now, now + p.Alerts.EventConditionHold, 0, deviceId, severity)] };

    /// <summary>When the current hallucination episode began: the earliest of its pending, pause and charting times.</summary>
    private static DateTimeOffset? PauseStartedAt(PauseProtocolState pause) =>
        new[] { pause.PendingSince, pause.PausedAt, pause.HallucinationAt }.Where(t => t is not null).Min();

    private EngineResult Finish(PatientState s, EngineContext ctx, IReadOnlyList<PauseEvent> pauseEvents)
    {
        var now = ctx.Now;

        // Every input rechecks the pause deadlines: a readmission after a passed deadline sees its transition at once.
        var deadlines = PausePolicy.OnTick(s.Pause, now, p.Pause);
        s = s with { Pause = deadlines.State };
        pauseEvents = [.. pauseEvents, .. deadlines.Events];

        var keep = now - Retention();
        s = s with
        {
            HeldEvents = s.HeldEvents.Where(e => now < e.Until).ToList(),
            Observations = ObservationRetention.Keep(s.Observations, keep),
            Ledger = s.Ledger.PrunedBefore(keep),
        };
        s = s with { Onsets = UpdateOnsets(s, now), Course = AssessmentRules.PruneDoseChanges(s, now, p) };

        var holding = RuleEvaluator.EvaluateBeforeCommands(s, now, p);
        var holdingIds = holding.Select(c => c.RuleId).ToHashSet(StringComparer.Ordinal);
        s = s with { Commands = EnforcementPolicy.MarkNotHonoured(s, holdingIds, now) };

        (s, var commands) = EnforcementDecisions.Decide(s, holdingIds, pauseEvents, ctx, p);

        s = s with { Commands = [.. EnforcementPolicy.Prune(s, holdingIds, now), .. commands] };
        holding = [.. holding, .. DeviceRules.EvaluateCommands(s, now, p)];
        if (s.ComfortCare)
        {
            holding = holding.Where(c => !RuleIds.MutedByComfortCare.Contains(c.RuleId)).ToList();
        }

        // One condition per rule (an event and a state can both hold one): the most urgent, then the worst band,
        // then the worst value, so a bigger bolus held beside a smaller one shows and re-alarms (I6).
        holding = holding.GroupBy(c => c.RuleId)
            .Select(g => g.OrderByDescending(c => c.Priority).ThenByDescending(c => c.Band).ThenByDescending(c => c.Severity).First())
            .ToList();

        var previous = s.HoldingRuleIds.ToHashSet(StringComparer.Ordinal);
        var raised = holding.Where(c => !previous.Contains(c.RuleId)).ToList();
        var current = holding.Select(c => c.RuleId).Distinct().ToList();
        var cleared = s.HoldingRuleIds.Where(id => !current.Contains(id)).ToList();
        s = s with { HoldingRuleIds = current };
        return new EngineResult(s, holding, raised, cleared, commands, pauseEvents, DeadlinePlanner.Next(s, now, p));
    }

    /// <summary>The longest window any rule looks back over.</summary>
    private TimeSpan Retention() =>
        new[]
        {
            p.DoseRate.DailyDoseWindow, p.ResponseReview.MeanPainWindow, p.CumulativeHour.Window, p.News2.StaleAfter,
            p.Benzodiazepine.CumulativeWindow, p.Alerts.EventConditionHold,
        }.Max();

    /// <summary>Starts the clock of a delayed condition when its limit is first breached; a break resets it.</summary>
    private Dictionary<string, DateTimeOffset> UpdateOnsets(PatientState s, DateTimeOffset now)
    {
        var onsets = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var candidate in VitalSignRules.DelayedCandidates(s, now, p))
        {
            onsets[candidate.RuleId] = s.Onsets.TryGetValue(candidate.RuleId, out var since) ? since : now;
        }

        return onsets;
    }
}
