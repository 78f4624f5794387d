using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Tests.Support;

/// <summary>
/// Drives one patient through the <see cref="ClinicalEngine"/> on a hand-moved clock, as the grain will:
/// every step applies one input at the current time and keeps the result. Defaults: 70 kg, 1 mg/mL,
/// weight-based regimen, eligible, pump P1 and monitor M1 associated, enforcing ward.
/// </summary>
public sealed class Ward
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private readonly ClinicalEngine _engine;
    private int _seq;

    public Ward(decimal? weightKg = 70m, decimal? concentrationMgPerMl = 1m, Regimen regimen = Regimen.WeightBased,
        bool enforcing = true, bool associateDevices = true, ProtocolParameters? parameters = null)
    {
        _engine = new ClinicalEngine(parameters ?? SeedProtocol.Parameters);
        Enforcing = enforcing;
        State = new PatientState
        {
            PatientId = "pt-1",
            WardId = "ward-a",
            Prescription = new Prescription(regimen, weightKg, new DateOnly(2026, 11, 27), false, concentrationMgPerMl),
            Eligibility = new Eligibility(true, true, true),
            BaselinePain = 7m,
        };
        Result = _engine.Evaluate(State, Context);
        if (associateDevices)
        {
            Apply(_engine.AssociatePump(State, "P1", Context));
            Apply(_engine.AssociateMonitor(State, "M1", Context));
        }
    }

    public DateTimeOffset Now { get; private set; } = Start;

    public bool Enforcing { get; set; }

    public PatientState State { get; private set; }

    public EngineResult Result { get; private set; }

    public ClinicalEngine Engine => _engine;

    public EngineContext Context => new(Now, Enforcing);

    /// <summary>Every command the engine has decided so far, oldest first.</summary>
    public List<PumpCommand> CommandsSent { get; } = [];

    public IReadOnlyList<RuleCondition> Holding => Result.Holding;

    public bool Holds(string ruleId) => Result.Holding.Any(c => c.RuleId == ruleId);

    public RuleCondition Condition(string ruleId) => Result.Holding.Single(c => c.RuleId == ruleId);

    /// <summary>Changes the admission facts (weight, flags...) and re-evaluates.</summary>
    public Ward Admit(Func<PatientState, PatientState> change) => Apply(_engine.Evaluate(change(State), Context));

    /// <summary>Moves the clock and ticks, as the grain's timer would.</summary>
    public Ward Advance(TimeSpan by)
    {
        Now += by;
        return Tick();
    }

    public Ward Tick() => Apply(_engine.OnTick(State, Context));

    public Ward Pump(PumpState state, decimal rateMlPerHour, decimal? concentrationMgPerMl = 1m, decimal rateStep = 0.1m,
        PumpAlarm? alarm = null, string? lastCommandId = null, CommandResult? lastCommandResult = null,
        TimeSpan deviceClockOffset = default, string pumpId = "P1") =>
        Apply(_engine.OnPumpStatus(State, new PumpStatusReading(pumpId, state, rateMlPerHour, rateStep, concentrationMgPerMl,
            0m, alarm, lastCommandId, lastCommandResult, Now + deviceClockOffset, Now), Context));

    public Ward Running(decimal rateMlPerHour, decimal? concentrationMgPerMl = 1m) => Pump(PumpState.Running, rateMlPerHour, concentrationMgPerMl);

    public Ward Bolus(decimal doseMg, BolusKind kind = BolusKind.Acute, string pumpId = "P1") =>
        Apply(_engine.OnBolus(State, new BolusReading(pumpId, doseMg, kind, Now, Now), Context));

    public Ward Vitals(decimal? hr = 72m, decimal? spo2 = 97m, decimal? rr = 16m, decimal? systolic = 125m, decimal? diastolic = 75m,
        decimal? temperature = 37m, Rhythm? rhythm = Rhythm.Sinus, TimeSpan deviceClockOffset = default, string monitorId = "M1") =>
        Apply(_engine.OnVitals(State, new VitalsReading(monitorId, hr, spo2, rr, systolic, diastolic, temperature, rhythm, Now + deviceClockOffset, Now), Context));

    public Ward Observe(ObservationKind kind, decimal? number = null, Consciousness? level = null, bool? flag = null) =>
        Apply(_engine.OnObservation(State, new ObservationReading($"obs-{++_seq}", kind, number, level, flag, "nurse", Now), Context));

    public Ward Pain(decimal nrs) => Observe(ObservationKind.Pain, nrs);

    public Ward Rass(decimal rass) => Observe(ObservationKind.Sedation, rass);

    /// <summary>Charts both RASS and pain, as the sedation assessment asks.</summary>
    public Ward Assess(decimal rass = 0m, decimal pain = 3m) => Rass(rass).Pain(pain);

    /// <summary>Moves the clock by <paramref name="duration"/>, taking the same reading at least every 10 s (as devices report).</summary>
    public Ward Keep(TimeSpan duration, Func<Ward, Ward> reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var every = TimeSpan.FromSeconds(10);
        var end = Now + duration;
        while (Now < end)
        {
            reading(Advance(end - Now < every ? end - Now : every));
        }

        return this;
    }

    public Ward Apply(EngineResult result)
    {
        Result = result;
        State = result.State;
        CommandsSent.AddRange(result.Commands);
        return this;
    }
}
