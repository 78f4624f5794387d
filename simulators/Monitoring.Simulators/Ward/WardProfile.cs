namespace Monitoring.Simulators.Ward;

/// <summary>
/// How the demo ward and the load mode are populated: ids, regimen figures, charting habits. Every
/// clinical figure is here, read from a file (simulators/ward-profile.yaml), never from code.
/// </summary>
public sealed record WardProfile
{
    public required string WardId { get; init; }

    /// <summary>Id formats with {0} the bed number (1-based), e.g. "pump-{0:00}".</summary>
    public required string BedIdFormat { get; init; }
    public required string PatientIdFormat { get; init; }
    public required string PumpIdFormat { get; init; }
    public required string MonitorIdFormat { get; init; }

    public required decimal ConcentrationMgPerMl { get; init; }
    public required decimal RateStepMlPerHour { get; init; }
    public required NumberRange WeightKg { get; init; }
    public required NumberRange DoseMgPerKgPerHour { get; init; }
    public required NumberRange BaselinePain { get; init; }

    /// <summary>Share of beds (0..1) on the gradual regimen rather than weight-based.</summary>
    public required decimal GradualShare { get; init; }
    public required decimal GradualStartMgPerDay { get; init; }
    public required decimal GradualStepMgPerDay { get; init; }
    public required TimeSpan GradualEvery { get; init; }
    public required decimal GradualTargetMgPerDay { get; init; }

    public required TimeSpan NurseRoundEvery { get; init; }
    public required NumberRange NursePain { get; init; }
    public required NumberRange NurseRass { get; init; }
    public required decimal HallucinationChancePerRound { get; init; }
}
