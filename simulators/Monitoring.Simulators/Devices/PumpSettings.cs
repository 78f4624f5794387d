namespace Monitoring.Simulators.Devices;

/// <summary>What a pump is loaded with and how it reports. Clinical values come from scenario files or options.</summary>
public sealed record PumpSettings
{
    public required string PumpId { get; init; }

    /// <summary>The strength the pump was told the syringe holds (may differ from the prescription).</summary>
    public required decimal ConcentrationMgPerMl { get; init; }

    /// <summary>The pump's rate resolution; a setRate not a multiple of it is rejected.</summary>
    public required decimal RateStepMlPerHour { get; init; }

    /// <summary>The periodic status interval (the contract asks for at most 5 s).</summary>
    public TimeSpan StatusInterval { get; init; } = DeviceDefaults.ReportInterval;

    public string Drug { get; init; } = "ketamine";

    /// <summary>The syringe's volume: the pump raises `empty` once it has infused this much. Null: never empties.</summary>
    public decimal? SyringeVolumeMl { get; init; }

    public TimeSpan ClockSkew { get; init; }
}
