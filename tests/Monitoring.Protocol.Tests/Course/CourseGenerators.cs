using CsCheck;
using Monitoring.Protocol.Model;
using static Monitoring.Protocol.Tests.Course.CourseTables;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// Random courses: an admission (25-250 kg, either regimen, 1-50 mg/mL, pump steps 0.01-1 mL/h, mostly enforcing,
/// sometimes a wrong strength on the pump or a prescription not yet complete) and 50-60 steps, weighted as a ward sees them.
/// </summary>
public static class CourseGenerators
{
    public const int MinSteps = 50;
    public const int MaxSteps = 60;

    public static readonly Gen<CourseSetup> Setup =
        Gen.Select(Gen.Int[250, 2500], Gen.Int[0, 1], Gen.Int[0, Strengths.Length - 1], Gen.Int[0, RateSteps.Length - 1], Gen.Int[0, 19], Gen.Int[0, 9])
            .Select((weight, regimen, strength, step, prescription, mode) =>
            {
                var syringe = Strengths[strength];
                decimal? prescribed = prescription switch
                {
                    19 => null, // admission not complete yet
                    >= 17 => Strengths[(strength + 1) % Strengths.Length], // the pump told another strength than the pharmacy's
                    _ => syringe,
                };
                return new CourseSetup(new decimal(weight, 0, 0, false, 1), regimen == 0 ? Regimen.WeightBased : Regimen.Gradual,
                    prescribed, syringe, RateSteps[step], mode < 8);
            });

    private static Gen<CourseStep> Simple(CourseStepKind kind) => Gen.Const(new CourseStep(kind));

    private static Gen<CourseStep> One(CourseStepKind kind, int count) => Gen.Int[0, count - 1].Select(a => new CourseStep(kind, a));

    private static readonly Gen<CourseStep> Running =
        Gen.Select(Gen.Int[0, Math.Max(CeilingFractions.Length, DailyDosesMg.Length) - 1], Gen.Int[0, 4], Gen.Int[0, 9])
            .Select((intent, offset, keying) => new CourseStep(CourseStepKind.PumpRunning, intent, offset, keying));

    private static readonly Gen<int> MissingMask = Gen.Frequency((8, Gen.Const(0)), (2, Gen.Int[1, 31]));

    private static readonly Gen<CourseStep> Vitals =
        Gen.Select(Gen.Int[0, HeartRates.Length - 1], Gen.Int[0, Spo2s.Length - 1], Gen.Int[0, RespRates.Length - 1],
                Gen.Int[0, Systolics.Length - 1], Gen.Int[0, Rhythms.Length - 1], MissingMask)
            .Select((hr, spo2, rr, bp, rhythm, missing) => new CourseStep(CourseStepKind.Vitals, hr, spo2, rr, bp, rhythm + (4 * missing)));

    public static readonly Gen<CourseStep> Step = Gen.Frequency(
        (14, One(CourseStepKind.ClockJump, ClockJumps.Length)),
        (10, Running),
        (8, One(CourseStepKind.RateChange, StepDeltas.Length)),
        (4, Simple(CourseStepKind.PumpPaused)),
        (2, Simple(CourseStepKind.PumpStopped)),
        (1, Simple(CourseStepKind.PumpBolusState)),
        (1, One(CourseStepKind.PumpAlarm, Alarms.Length)),
        (4, Gen.Select(Gen.Int[0, BolusMgPerKg.Length - 1], Gen.Int[0, 1]).Select((size, kind) => new CourseStep(CourseStepKind.Bolus, size, kind))),
        (3, One(CourseStepKind.Pain, PainScores.Length)),
        (3, One(CourseStepKind.Rass, RassScores.Length)),
        (2, One(CourseStepKind.Acvpu, Acvpu.Length)),
        (1, One(CourseStepKind.Oxygen, 2)),
        (3, Simple(CourseStepKind.Hallucination)),
        (1, Simple(CourseStepKind.Delirium)),
        (2, One(CourseStepKind.Midazolam, MidazolamMg.Length)),
        (2, One(CourseStepKind.Retract, 8)),
        (12, Vitals),
        (1, Simple(CourseStepKind.AssociatePump)),
        (1, Simple(CourseStepKind.ReleasePump)),
        (1, Gen.Select(Gen.Int[0, RateSteps.Length - 1], Gen.Int[0, Strengths.Length]).Select((step, strength) => new CourseStep(CourseStepKind.SwapPump, step, strength))),
        (1, Simple(CourseStepKind.AssociateMonitor)),
        (1, Simple(CourseStepKind.ReleaseMonitor)),
        (1, Simple(CourseStepKind.StopCourse)),
        (1, One(CourseStepKind.Review, 2)),
        (1, One(CourseStepKind.Readmit, ReadmissionGaps.Length)),
        (3, One(CourseStepKind.Acknowledge, 4)),
        (5, One(CourseStepKind.PumpAnswer, 3)),
        (1, Simple(CourseStepKind.CompleteAdmission)));

    public static readonly Gen<CourseScenario> Scenario =
        Gen.Select(Setup, Step.Array[MinSteps, MaxSteps]).Select((setup, steps) => new CourseScenario(setup, steps));
}
