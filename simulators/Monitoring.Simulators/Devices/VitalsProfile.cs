namespace Monitoring.Simulators.Devices;

/// <summary>Vital signs; a null parameter is left unchanged (as a target) or not measured (as a baseline).</summary>
public sealed record VitalsProfile
{
    public decimal? HeartRate { get; init; }
    public decimal? Spo2 { get; init; }
    public decimal? RespRate { get; init; }
    public decimal? Systolic { get; init; }
    public decimal? Diastolic { get; init; }
    public decimal? Temperature { get; init; }
    public string? Rhythm { get; init; }

    /// <summary>Fills what this profile leaves null from another.</summary>
    public VitalsProfile Over(VitalsProfile fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new VitalsProfile
        {
            HeartRate = HeartRate ?? fallback.HeartRate,
            Spo2 = Spo2 ?? fallback.Spo2,
            RespRate = RespRate ?? fallback.RespRate,
            Systolic = Systolic ?? fallback.Systolic,
            Diastolic = Diastolic ?? fallback.Diastolic,
            Temperature = Temperature ?? fallback.Temperature,
            Rhythm = Rhythm ?? fallback.Rhythm,
        };
    }
}
