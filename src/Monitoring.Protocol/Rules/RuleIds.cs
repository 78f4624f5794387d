namespace Monitoring.Protocol.Rules;

/// <summary>
/// The stable rule ids of the protocol's rule table. Priorities, kinds and texts live in
/// seeds/ketamine-protocol.json; these strings are the contract (upper case on the wire).
/// </summary>
public static class RuleIds
{
    public const string Ceiling = "CEILING";
    public const string CeilingProgrammed = "CEILING_PROGRAMMED";
    public const string ConcentrationMismatch = "CONCENTRATION_MISMATCH";
    public const string SoftRange = "SOFT_RANGE";
    public const string WeightUnknown = "WEIGHT_UNKNOWN";
    public const string WeightReview = "WEIGHT_REVIEW";
    public const string BolusTest = "BOLUS_TEST";
    public const string BolusAcute = "BOLUS_ACUTE";
    public const string BolusInPause = "BOLUS_IN_PAUSE";
    public const string CumulativeHour = "CUMULATIVE_HOUR";
    public const string TitrationStart = "TITRATION_START";
    public const string TitrationStep = "TITRATION_STEP";
    public const string HighDailyDose = "HIGH_DAILY_DOSE";
    public const string BenzoDose = "BENZO_DOSE";
    public const string Hallucination = "HALLUCINATION";
    public const string PauseNotDone = "PAUSE_NOT_DONE";
    public const string RestartEarly = "RESTART_EARLY";
    public const string RestartDue = "RESTART_DUE";
    public const string RestartNotLower = "RESTART_NOT_LOWER";
    public const string CommandNotConfirmed = "COMMAND_NOT_CONFIRMED";
    public const string Contraindicated = "CONTRAINDICATED";
    public const string Postoperative = "POSTOPERATIVE";
    public const string Eligibility = "ELIGIBILITY";
    public const string Sedation = "SEDATION";
    public const string SedationDue = "SEDATION_DUE";
    public const string Spo2 = "SPO2";
    public const string RespRate = "RESP_RATE";
    public const string HeartRate = "HEART_RATE";
    public const string BloodPressure = "BLOOD_PRESSURE";
    public const string Arrhythmia = "ARRHYTHMIA";
    public const string News2 = "NEWS2";
    public const string PumpCommsLost = "PUMP_COMMS_LOST";
    public const string MonitorCommsLost = "MONITOR_COMMS_LOST";
    public const string ParameterMissing = "PARAMETER_MISSING";
    public const string DeviceDataInvalid = "DEVICE_DATA_INVALID";
    public const string DeviceClock = "DEVICE_CLOCK";
    public const string UnassociatedDevice = "UNASSOCIATED_DEVICE";
    public const string WardUnwatched = "WARD_UNWATCHED";
    public const string PumpAlarm = "PUMP_ALARM";
    public const string ResponseReview = "RESPONSE_REVIEW";
    public const string NoBenefit = "NO_BENEFIT";
    public const string MonitorAbsent = "MONITOR_ABSENT";
    public const string CourseStoppedRunning = "COURSE_STOPPED_RUNNING";
    public const string OrderLimit = "ORDER_LIMIT";

    /// <summary>A hallucination pause with a pump and syringe attached whose smallest rate is not below the pre-pause rate.</summary>
    public const string RestartLowerImpossible = "RESTART_LOWER_IMPOSSIBLE";

    /// <summary>A ward alert: a charted observation (MQTT) was refused, so it is in nobody's record.</summary>
    public const string ObservationRefused = "OBSERVATION_REFUSED";

    /// <summary>Every rule of the table, in the table's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Ceiling, CeilingProgrammed, ConcentrationMismatch, SoftRange, WeightUnknown, BolusTest, BolusAcute,
        BolusInPause, CumulativeHour, TitrationStart, TitrationStep, HighDailyDose, BenzoDose, Hallucination,
        PauseNotDone, RestartEarly, RestartDue, RestartNotLower, CommandNotConfirmed, Contraindicated,
        Postoperative, Eligibility, Sedation, SedationDue, Spo2, RespRate, HeartRate, BloodPressure, Arrhythmia,
        News2, PumpCommsLost, MonitorCommsLost, ParameterMissing, DeviceDataInvalid, DeviceClock,
        UnassociatedDevice, WardUnwatched, PumpAlarm, ResponseReview, NoBenefit,
        MonitorAbsent, CourseStoppedRunning, OrderLimit, ObservationRefused, WeightReview, RestartLowerImpossible,
    ];

    /// <summary>Rules a comfort-care profile mutes; every dose, pump and protocol rule stays on.</summary>
    public static IReadOnlySet<string> MutedByComfortCare { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Spo2, RespRate, HeartRate, BloodPressure, Arrhythmia, News2, MonitorCommsLost, ParameterMissing,
        MonitorAbsent,
    };

    /// <summary>Ward alerts have no patient; they are keyed by ward and device.</summary>
    public static IReadOnlySet<string> WardRules { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        UnassociatedDevice, WardUnwatched, ObservationRefused,
    };
}
