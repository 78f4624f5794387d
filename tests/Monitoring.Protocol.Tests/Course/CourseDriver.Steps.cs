using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;
using static Monitoring.Protocol.Tests.Course.CourseTables;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>Each kind of step as the product would receive it; a step the product would refuse or ignore changes nothing and says so.</summary>
public sealed partial class CourseDriver
{
    private decimal? Weight => State.Prescription.WeightKg;

    private string Play(CourseStep step)
    {
        switch (step.Kind)
        {
            case CourseStepKind.ClockJump:
                var by = Pick(ClockJumps, step.A);
                AdvanceTo(Now + by, finalTick: true);
                return $"clock +{by:hh\\:mm\\:ss}";
            case CourseStepKind.PumpRunning:
                return Status(p => p with { State = PumpState.Running, RateMlPerHour = IntendedRate(p, step), Alarm = null });
            case CourseStepKind.RateChange:
                return Status(p => p with
                {
                    State = PumpState.Running,
                    RateMlPerHour = Math.Max(p.RateStepMlPerHour, p.RateMlPerHour + (Pick(StepDeltas, step.A) * p.RateStepMlPerHour)),
                    Alarm = null,
                });
            case CourseStepKind.PumpPaused:
                return Status(p => p with { State = PumpState.Paused, Alarm = null });
            case CourseStepKind.PumpStopped:
                return Status(p => p with { State = PumpState.Stopped, Alarm = null });
            case CourseStepKind.PumpBolusState:
                return Status(p => p with { State = PumpState.Bolus, Alarm = null });
            case CourseStepKind.PumpAlarm:
                return Status(p => p with { State = PumpState.Alarm, Alarm = Pick(Alarms, step.A) });
            case CourseStepKind.Bolus:
                return GiveBolus(step);
            case CourseStepKind.Pain:
                return Chart(ObservationKind.Pain, Pick(PainScores, step.A), null, null);
            case CourseStepKind.Rass:
                return Chart(ObservationKind.Sedation, Pick(RassScores, step.A), null, null);
            case CourseStepKind.Acvpu:
                return Chart(ObservationKind.Consciousness, null, Pick(Acvpu, step.A), null);
            case CourseStepKind.Oxygen:
                return Chart(ObservationKind.Oxygen, null, null, step.A % 2 == 1);
            case CourseStepKind.Hallucination:
                return Chart(ObservationKind.Hallucination, null, null, null);
            case CourseStepKind.Delirium:
                return Chart(ObservationKind.Delirium, null, null, null);
            case CourseStepKind.Midazolam:
                var mg = Pick(MidazolamMg, step.A);
                _midazolam = Weight is { } w ? mg / w : null;
                return Chart(ObservationKind.Benzodiazepine, mg, null, null);
            case CourseStepKind.Retract:
                return Retract(step.A);
            case CourseStepKind.Vitals:
                return SendVitals(step);
            case CourseStepKind.AssociatePump:
                return Swap(_setup.PumpRateStepMlPerHour, _setup.SyringeConcentrationMgPerMl);
            case CourseStepKind.SwapPump:
                return Swap(Pick(RateSteps, step.A), step.B == 0 ? _setup.SyringeConcentrationMgPerMl : Pick(Strengths, step.B - 1));
            case CourseStepKind.ReleasePump:
                return ReleasePump();
            case CourseStepKind.AssociateMonitor:
                var monitor = NewMonitorId();
                var replaced = State.Monitor?.MonitorId;
                Run(_engine.AssociateMonitor(State, monitor, Context));
                return replaced is null ? $"monitor {monitor} associated" : $"monitor {monitor} associated, replacing {replaced}";
            case CourseStepKind.ReleaseMonitor:
                if (State.Monitor is not { } link)
                {
                    return "release monitor (none associated: nothing to do)";
                }

                Run(_engine.ReleaseDevice(State, link.MonitorId, Context));
                return $"monitor {link.MonitorId} released";
            case CourseStepKind.StopCourse:
                Run(_engine.StopCourse(State, Context));
                Model = Model with { CourseStoppedAt = Model.CourseStoppedAt ?? Now };
                return "stop-course recorded";
            case CourseStepKind.Review:
                Run(_engine.RecordReview(State, step.A % 2 == 0, Context));
                return $"review recorded (benefit {(step.A % 2 == 0 ? "yes" : "no")})";
            case CourseStepKind.Readmit:
                return Readmit(Pick(ReadmissionGaps, step.A));
            case CourseStepKind.Acknowledge:
                return Acknowledge(step.A);
            case CourseStepKind.PumpAnswer:
                return Answer(step.A % 3);
            case CourseStepKind.CompleteAdmission:
                if (State.Prescription.ConcentrationMgPerMl is not null)
                {
                    return "admission already complete";
                }

                Run(_engine.Evaluate(State with { Prescription = State.Prescription with { ConcentrationMgPerMl = _setup.SyringeConcentrationMgPerMl } }, Context));
                return $"prescription completed: {_setup.SyringeConcentrationMgPerMl} mg/mL";
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "unknown step");
        }
    }

    /// <summary>The rate a nurse keys for the intended dose, on the pump's step, sometimes with a 10x keying error.</summary>
    private decimal IntendedRate(SimulatedPump pump, CourseStep step)
    {
        var concentration = State.Prescription.ConcentrationMgPerMl ?? pump.ConcentrationMgPerMl;
        var weight = Weight ?? 70m;
        var mlPerHour = _setup.Regimen == Regimen.Gradual
            ? Pick(DailyDosesMg, step.A) / 24m / concentration
            : Pick(CeilingFractions, step.A) * _p.DoseRate.CeilingMgPerKgPerHour * weight / concentration;
        int[] offsets = [0, 1, -1, 2, -2];
        var rate = Math.Max(pump.RateStepMlPerHour, pump.OnStep(mlPerHour) + (Pick(offsets, step.B) * pump.RateStepMlPerHour));
        return step.C % 10 == 9 ? rate * 10m : rate;
    }

    private string Status(Func<SimulatedPump, SimulatedPump> change, string? commandId = null, CommandResult? result = null, string note = "")
    {
        if (_pump is null)
        {
            return "pump status (no pump associated: ignored)";
        }

        _pump = change(_pump);
        Run(_engine.OnPumpStatus(State, _pump.Status(Now, commandId, result), Context));
        return _pump.Describe(Weight) + note;
    }

    private string GiveBolus(CourseStep step)
    {
        if (_pump is null || Weight is not { } weight)
        {
            return "bolus (no pump associated or no weight: not given)";
        }

        var kind = step.B % 2 == 1 ? BolusKind.Test : BolusKind.Acute;
        var mg = decimal.Round(Pick(BolusMgPerKg, step.A) * weight, 1);
        var judgedAcute = kind == BolusKind.Acute || Model.TestBolusCount >= _p.Bolus.TestBolusesPerCourse;
        _bolus = (mg / weight, judgedAcute);
        _acuteOverLimit = judgedAcute && mg >= _p.Bolus.AcuteLimitMgPerKg * weight;
        Model = Model with { TestBolusCount = Model.TestBolusCount + (kind == BolusKind.Test ? 1 : 0) };
        Run(_engine.OnBolus(State, new BolusReading(_pump.Id, mg, kind, Now, Now), Context));
        return $"bolus {kind.ToString().ToLowerInvariant()} {mg} mg ({decimal.Round(mg / weight, 3)} mg/kg) from {_pump.Id}";
    }

    private string Chart(ObservationKind kind, decimal? number, Consciousness? level, bool? flag)
    {
        var reading = new ObservationReading($"obs-{++_observationSeq}", kind, number, level, flag, "nurse", Now);
        Run(_engine.OnObservation(State, reading, Context));
        Model = Model with { Charted = [.. Model.Charted, reading] };
        if (kind is ObservationKind.Hallucination or ObservationKind.Delirium)
        {
            // A hallucination charted while a pause is under way belongs to that episode; otherwise it begins one.
            Model = Model with { EpisodeObservationIds = HadActivePauseBefore ? [.. Model.EpisodeObservationIds, reading.ObservationId] : [reading.ObservationId] };
        }

        var value = number is { } n ? $" {n}" : level is { } l ? $" {l}" : flag is { } f ? (f ? " on oxygen" : " room air") : "";
        return $"observation {reading.ObservationId} {kind.ToString().ToLowerInvariant()}{value}";
    }

    private bool HadActivePauseBefore { get; set; }

    private bool _acuteOverLimit;

    private string Retract(int index)
    {
        if (Model.Charted.Count == 0)
        {
            return "retract (nothing charted)";
        }

        var entry = Model.Charted[index % Model.Charted.Count];
        Run(_engine.RetractObservation(State, entry.ObservationId, Context));
        Model = Model with { Charted = Model.Charted.Where(o => o.ObservationId != entry.ObservationId).ToList() };
        return $"retract {entry.ObservationId} ({entry.Kind.ToString().ToLowerInvariant()}) charted in error";
    }

    private string SendVitals(CourseStep step)
    {
        if (State.Monitor is not { } link)
        {
            return "vitals (no monitor associated: ignored)";
        }

        var missing = step.E / 4;
        decimal? Present(int bit, decimal value) => (missing & bit) == 0 ? value : null;
        var bpMissing = (missing & 8) != 0;
        var reading = new VitalsReading(link.MonitorId, Present(4, Pick(HeartRates, step.A)), Present(1, Pick(Spo2s, step.B)),
            Present(2, Pick(RespRates, step.C)), bpMissing ? null : Pick(Systolics, step.D), bpMissing ? null : 75m, 37m,
            (missing & 16) == 0 ? Pick(Rhythms, step.E % 4) : null, Now, Now);
        Run(_engine.OnVitals(State, reading, Context));
        var seen = new Dictionary<string, DateTimeOffset>(Model.MonitorSeen);
        foreach (var (name, value) in new (string, object?)[] { ("SpO2", reading.Spo2), ("RR", reading.RespRate), ("HR", reading.HeartRate), ("BP", reading.Systolic), ("rhythm", reading.Rhythm) })
        {
            if (value is not null)
            {
                seen[name] = Now;
            }
        }

        Model = Model with { MonitorSeen = seen };
        string Show(string name, object? value) => value is null ? $"{name} absent" : $"{name} {value}";
        return $"vitals {link.MonitorId} {Show("HR", reading.HeartRate)}, {Show("SpO2", reading.Spo2)}, {Show("RR", reading.RespRate)}, "
            + $"{Show("BP", reading.Systolic)}, {Show("rhythm", reading.Rhythm)}";
    }

    private string Swap(decimal step, decimal concentration)
    {
        var old = _pump;
        var fresh = NewPump(step, concentration);
        _pump = old is null ? fresh : fresh with { RateMlPerHour = fresh.OnStep(old.RateMlPerHour) };
        Run(_engine.AssociatePump(State, _pump.Id, Context));
        return old is null
            ? $"pump {_pump.Id} associated (step {step} mL/h, {concentration} mg/mL)"
            : $"pump {_pump.Id} associated (step {step} mL/h, {concentration} mg/mL, programmed {_pump.RateMlPerHour} mL/h), replacing {old.Id}";
    }

    private string ReleasePump()
    {
        if (_pump is null)
        {
            return "release pump (none associated: nothing to do)";
        }

        var id = _pump.Id;
        Run(_engine.ReleaseDevice(State, id, Context));
        _pump = null;
        return $"pump {id} released";
    }

    private string Readmit(TimeSpan gap)
    {
        if (State.InfusionGoingIn)
        {
            return $"discharge refused: {State.Pump?.PumpId} is running";
        }

        // PatientGrain.Discharge: evaluate, then release each device.
        var result = _engine.Evaluate(State, Context);
        foreach (var device in new[] { State.Pump?.PumpId, State.Monitor?.MonitorId }.OfType<string>())
        {
            result = _engine.ReleaseDevice(result.State, device, Context);
        }

        Run(result);
        _pump = null;
        Now += gap;

        // PatientGrain.Admit: old alerts leave; within the window the course continues, otherwise a new one starts.
        Book = Book.Without(_ => true);
        var continues = gap < _p.Course.ReadmissionContinuesWithin;
        var state = continues
            ? State with { ComfortCare = false, OverriddenContraindications = new Dictionary<string, string>(), Pump = null, Monitor = null, DeviceProblems = [] }
            : Admitted(_setup) with { Prescription = State.Prescription };
        Run(_engine.Evaluate(state, Context));
        Model = (continues ? Model : CourseModel.Empty) with { MonitorAssociatedAt = null, MonitorSeen = new Dictionary<string, DateTimeOffset>() };
        return $"discharged, readmitted {gap.TotalHours} h later ({(continues ? "same course" : "new course")}; no device associated)";
    }

    private string Acknowledge(int index)
    {
        var open = Book.Open.Where(a => a.State is AlertState.Active or AlertState.Latched).ToList();
        if (open.Count == 0)
        {
            return "acknowledge (nothing to acknowledge)";
        }

        var alert = open[index % open.Count];
        var acknowledged = Book.Acknowledge(alert.Id, "charge-nurse", null, Now, _p.Alerts);
        Book = acknowledged.Book;
        _events.AddRange(acknowledged.Events);
        Run(_engine.Evaluate(State, Context));
        return $"charge nurse acknowledges {alert.Id} {alert.RuleId} ({alert.State.ToString().ToLowerInvariant()})";
    }

    /// <summary>The pump answers the engine's latest unanswered command to it: 0 obeys, 1 says done but does nothing, 2 rejects.</summary>
    private string Answer(int mode)
    {
        var command = _pump is null ? null : State.Commands.LastOrDefault(c => c.PumpId == _pump.Id && c.Result is null);
        if (command is null)
        {
            return "pump answer (no command awaiting an answer)";
        }

        return mode switch
        {
            0 => Status(p => command.Kind == PumpCommandKind.Pause
                    ? p with { State = PumpState.Paused }
                    : p with { State = PumpState.Running, RateMlPerHour = command.RateMlPerHour ?? p.RateMlPerHour },
                command.CommandId, CommandResult.Done, $" (obeys {command.CommandId})"),
            1 => Status(p => p, command.CommandId, CommandResult.Done, $" (says done to {command.CommandId}, did nothing)"),
            _ => Status(p => p, command.CommandId, CommandResult.Rejected, $" (rejects {command.CommandId})"),
        };
    }

    private static bool PauseWasDone(PatientState before) =>
        before.Pause.State is PauseState.Paused or PauseState.RestartWindow or PauseState.RestartDue;

    /// <summary>The test's own course facts after a step: start, assessment anchor, doses reached, held over-limit values.</summary>
    private void UpdateModel(PatientState before)
    {
        var m = Model;
        var startedNow = !before.InfusionGoingIn && State.PumpIsRunning;
        if (State.PumpIsRunning && m.CourseStartedAt is null)
        {
            m = m with { CourseStartedAt = Now, AssessmentAnchors = [Now] };
        }
        else if (startedNow && (m.CourseStoppedAt is not null || (PauseWasDone(before)
            && m.Charted.Any(o => o.Kind is ObservationKind.Hallucination or ObservationKind.Delirium && o.ReceivedAt >= (m.AssessmentAnchors.Count > 0 ? m.AssessmentAnchors[^1] : Start)))))
        {
            // A restart after a hallucination pause, or the drug starting again after stop-course, is a new start. A new
            // pump starting while the pause was never done (a swap) is not a restart: PAUSE_NOT_DONE says so instead.
            m = m with { AssessmentAnchors = [.. m.AssessmentAnchors, Now] };
        }

        if (_bolus is not null)
        {
            m = m with { AssessmentAnchors = [.. m.AssessmentAnchors, Now] };
        }

        if (State.PumpIsRunning && State.CheckingConcentrationMgPerMl is { } c && State.Pump?.Status is { } status)
        {
            var daily = DoseRateCalculator.ProgrammedDailyDoseMg(status.RateMlPerHour, c, _p.DoseRate.DailyDoseWindow);
            m = m with { StartDailyDoseMg = m.StartDailyDoseMg ?? daily, HighestDailyDoseMg = Math.Max(m.HighestDailyDoseMg ?? 0m, daily) };
        }

        if (State.Monitor is { } monitor && monitor.AssociatedAt == Now)
        {
            m = m with { MonitorAssociatedAt = Now, MonitorSeen = new Dictionary<string, DateTimeOffset>() };
        }
        else if (State.Monitor is null)
        {
            m = m with { MonitorAssociatedAt = null, MonitorSeen = new Dictionary<string, DateTimeOffset>() };
        }

        var acuteOverLimit = _acuteOverLimit ? _bolus?.MgPerKg : null;
        var benzoOverLimit = _midazolam is { } mz && mz > _p.Benzodiazepine.MidazolamMaxMgPerKg ? mz : (decimal?)null;
        m = m with
        {
            AcuteBolusHeld = Held(RuleIds.BolusAcute, m.AcuteBolusHeld, acuteOverLimit),
            MidazolamHeld = Held(RuleIds.BenzoDose, m.MidazolamHeld, benzoOverLimit),
        };
        HadActivePauseBefore = State.Pause.IsActive;
        Model = m;
    }

    private (string AlertId, decimal MgPerKg)? Held(string ruleId, (string AlertId, decimal MgPerKg)? held, decimal? now)
    {
        if (Book.Open.FirstOrDefault(a => a.RuleId == ruleId) is not { } alert)
        {
            return null;
        }

        if (held is not { } h || h.AlertId != alert.Id)
        {
            return now is { } v ? (alert.Id, v) : null;
        }

        return now is { } bigger && bigger > h.MgPerKg ? (alert.Id, bigger) : h;
    }
}
