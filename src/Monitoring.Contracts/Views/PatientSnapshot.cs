namespace Monitoring.Contracts.Views;

/// <summary>GET /api/patients/{id} and the hub's patientUpdated: everything a bed shows, computed by the grain.</summary>
[GenerateSerializer, Immutable]
public sealed record PatientSnapshot
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Mrn { get; init; }
    [Id(2)] public required string DisplayName { get; init; }
    [Id(3)] public required string WardId { get; init; }
    [Id(4)] public required string BedId { get; init; }
    [Id(5)] public decimal? WeightKg { get; init; }
    [Id(6)] public bool WeightEstimated { get; init; }
    [Id(7)] public DateOnly? WeightMeasuredOn { get; init; }
    [Id(8)] public required string Regimen { get; init; }
    [Id(9)] public decimal? ConcentrationMgPerMl { get; init; }
    [Id(10)] public PumpView? Pump { get; init; }
    [Id(11)] public MonitorView? Monitor { get; init; }
    [Id(12)] public decimal? DoseRateMgPerKgPerHour { get; init; }
    [Id(13)] public decimal? ProgrammedDailyDoseMg { get; init; }
    [Id(14)] public decimal? DeliveredDailyDoseMg { get; init; }
    [Id(15)] public VitalsView Vitals { get; init; } = new();
    [Id(16)] public TimedReading? LatestPain { get; init; }
    [Id(17)] public TimedReading? LatestSedation { get; init; }
    [Id(18)] public required News2View News2 { get; init; }
    [Id(19)] public required PauseProtocolView PauseProtocol { get; init; }
    [Id(20)] public bool ComfortCare { get; init; }
    [Id(21)] public IReadOnlyList<AlertView> Alerts { get; init; } = [];
    [Id(22)] public IReadOnlyList<string> Contraindications { get; init; } = [];
    /// <summary>Contraindication to the reason it was overridden: the bed shows "contraindication overridden".</summary>
    [Id(23)] public IReadOnlyDictionary<string, string> OverriddenContraindications { get; init; } = new Dictionary<string, string>();
    [Id(24)] public bool Postoperative { get; init; }
    [Id(25)] public bool Spo2Scale2 { get; init; }
    [Id(26)] public string? BaselineRhythm { get; init; }
    [Id(27)] public decimal? BaselinePain { get; init; }
    [Id(28)] public DateTimeOffset? CourseStartedAt { get; init; }
    [Id(29)] public DateTimeOffset? CourseStoppedAt { get; init; }
    [Id(30)] public bool Discharged { get; init; }
    [Id(31)] public DateTimeOffset TakenAt { get; init; }
    /// <summary>The highest-priority open alert, for a tile.</summary>
    [Id(32)] public AlertView? HighestAlert { get; init; }
    [Id(33)] public TimedReading? LatestConsciousness { get; init; }
    [Id(34)] public TimedReading? SupplementalOxygen { get; init; }
    // Ids from 120 leave room for other additions without a clash.
    /// <summary>The course's order; null when none was recorded (the ceiling alone applies).</summary>
    [Id(120)] public CourseOrderView? Order { get; init; }
    /// <summary>Patient-specific limits; null when the ward's values apply.</summary>
    [Id(121)] public PatientLimitsView? Limits { get; init; }
    [Id(122)] public AllowedRateView? AllowedRate { get; init; }

    // Ids from 100: numbered apart from fields other branches add after 34, so a merge cannot give two fields one id.
    /// <summary>The course's start or last dose increase: the next titration step's interval counts from it.</summary>
    [Id(100)] public DateTimeOffset? LastDoseIncreaseAt { get; init; }

    /// <summary>The highest programmed daily dose a step has reached in this course (a return to it is not a step).</summary>
    [Id(101)] public decimal? EstablishedDailyDoseMg { get; init; }
}
