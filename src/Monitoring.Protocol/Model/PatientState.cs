using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Pause;

namespace Monitoring.Protocol.Model;

/// <summary>
/// Everything the rules need to know about one patient: admission, course, devices, latest readings,
/// dose history, pause protocol. Immutable: the engine returns a new one for each input. The grain
/// persists it on transitions.
/// </summary>
public sealed record PatientState
{
    public required string PatientId { get; init; }

    public required string WardId { get; init; }

    public required Prescription Prescription { get; init; }

    public PatientFlags Flags { get; init; } = PatientFlags.None;

    /// <summary>Absolute contraindications recorded at admission (wire spellings, see <see cref="Model.Contraindications"/>).</summary>
    public IReadOnlyList<string> Contraindications { get; init; } = [];

    /// <summary>Contraindication to the charge nurse's reason for overriding it.</summary>
    public IReadOnlyDictionary<string, string> OverriddenContraindications { get; init; } = new Dictionary<string, string>();

    public Eligibility Eligibility { get; init; } = new(false, false, false);

    /// <summary>Pre-ketamine pain (NRS): NO_BENEFIT measures against it.</summary>
    public decimal? BaselinePain { get; init; }

    /// <summary>End-of-life profile: mutes the vital-sign rules, never the dose, pump and protocol rules.</summary>
    public bool ComfortCare { get; init; }

    public CourseState Course { get; init; } = CourseState.None;

    public PauseProtocolState Pause { get; init; } = PauseProtocolState.Initial;

    /// <summary>The course's order; null when none was recorded (the ceiling alone bounds the rate allowed now).</summary>
    public CourseOrder? Order { get; init; }

    /// <summary>Patient-specific limits, each replacing the ward's value; null when none are set.</summary>
    public PatientLimits? Limits { get; init; }

    /// <summary>Set at a hallucination restart, cleared by a new order: "restart lower" holds until a clinician decides.</summary>
    public RestartLowerBound? RestartLower { get; init; }

    /// <summary>The last dose rate that ran within the rate allowed at the time: where enforcement sends a pump back (checked again against the rate allowed now).</summary>
    public decimal? LastAllowedDoseRateMgPerKgPerHour { get; init; }

    public PumpLink? Pump { get; init; }

    public MonitorLink? Monitor { get; init; }

    public VitalSigns Vitals { get; init; } = VitalSigns.None;

    /// <summary>Charted observations of the trailing window (pain, RASS, ACVPU, oxygen...), oldest first; retraction recomputes from them.</summary>
    public IReadOnlyList<ObservationReading> Observations { get; init; } = [];

    public DoseLedger Ledger { get; init; } = DoseLedger.Empty;

    public IReadOnlyList<HeldEvent> HeldEvents { get; init; } = [];

    /// <summary>When each delayed condition (SPO2, RESP_RATE, HEART_RATE) first held without a break.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Onsets { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>When each monitored parameter (SpO2, RR, HR) was last present in a reading (PARAMETER_MISSING).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> ParameterLastSeen { get; init; } = new Dictionary<string, DateTimeOffset>();

    public IReadOnlyList<PumpCommand> Commands { get; init; } = [];

    public int CommandSequence { get; init; }

    public IReadOnlyList<DeviceProblem> DeviceProblems { get; init; } = [];

    /// <summary>The rule keys that held after the last evaluation, so the next one can say what cleared.</summary>
    public IReadOnlyList<string> HoldingRuleIds { get; init; } = [];

    /// <summary>The dose rate's concentration: the prescribed one, or the larger of the two while they differ.</summary>
    public decimal? CheckingConcentrationMgPerMl =>
        (Prescription.ConcentrationMgPerMl, Pump?.Status?.ConcentrationMgPerMl) switch
        {
            ({ } prescribed, { } pump) => Math.Max(prescribed, pump),
            ({ } prescribed, null) => prescribed,
            (null, { } pump) => pump,
            _ => null,
        };

    public bool PumpIsRunning => Pump?.Status?.State == PumpState.Running;

    /// <summary>Running or giving a bolus: the drug is going in.</summary>
    public bool InfusionGoingIn => Pump?.Status?.State is PumpState.Running or PumpState.Bolus;

    /// <summary>The latest charted observation of a kind, if any.</summary>
    public ObservationReading? Latest(ObservationKind kind) => Observations.LastOrDefault(o => o.Kind == kind);
}
