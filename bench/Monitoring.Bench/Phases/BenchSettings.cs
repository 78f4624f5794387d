namespace Monitoring.Bench.Phases;

/// <summary>How big and how long a bench run is: the full run (the figures) or a quick one to check the harness.</summary>
public sealed record BenchSettings
{
    public required IReadOnlyList<int> PatientCounts { get; init; }

    /// <summary>Patients of the latency phase (must be one of <see cref="PatientCounts"/>).</summary>
    public required int LatencyPatients { get; init; }

    public required IReadOnlyList<double> LatencyLoads { get; init; }

    /// <summary>How long each step of a ramp publishes (the first few seconds are warm-up, not measured).</summary>
    public required TimeSpan StepFor { get; init; }

    /// <summary>The first offered rate of the baseline's ramp; the host's first ramp starts here too, later ones at half the previous answer.</summary>
    public required double FirstRate { get; init; }

    public required TimeSpan LatencyStepFor { get; init; }

    /// <summary>The ramp stops here (msg/s): beyond it the generator, not the system, is measured.</summary>
    public required double MaxOfferedRate { get; init; }

    public required TimeSpan ProbeEvery { get; init; }

    /// <summary>Beds per bench ward (load patients fill wards in order; see <see cref="BenchWards"/>).</summary>
    public int PatientsPerWard { get; init; } = 500;

    /// <summary>MQTT connections of the load generator.</summary>
    public int Connections { get; init; } = 4;

    /// <summary>Admissions in flight at once (REST, each writes Redis and the PostgreSQL audit).</summary>
    public int AdmitConcurrency { get; init; } = 16;

    public static BenchSettings Full { get; } = new()
    {
        PatientCounts = [100, 1_000, 5_000, 10_000],
        LatencyPatients = 1_000,
        LatencyLoads = [0.25, 0.50, 0.90],
        StepFor = TimeSpan.FromSeconds(10),
        FirstRate = 1_000,
        LatencyStepFor = TimeSpan.FromSeconds(25),
        MaxOfferedRate = 40_000,
        ProbeEvery = TimeSpan.FromMilliseconds(250),
    };

    public static BenchSettings Quick { get; } = new()
    {
        PatientCounts = [50, 200],
        PatientsPerWard = 100,
        LatencyPatients = 200,
        LatencyLoads = [0.25, 0.50, 0.90],
        StepFor = TimeSpan.FromSeconds(6),
        FirstRate = 1_000,
        LatencyStepFor = TimeSpan.FromSeconds(8),
        MaxOfferedRate = 8_000,
        ProbeEvery = TimeSpan.FromMilliseconds(500),
    };
}
