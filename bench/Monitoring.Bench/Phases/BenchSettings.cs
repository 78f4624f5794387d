namespace Monitoring.Bench.Phases;

/// <summary>How big and how long a bench run is: the full run (the figures) or a quick one to check the harness.</summary>
public sealed record BenchSettings
{
    public required IReadOnlyList<int> PatientCounts { get; init; }

    /// <summary>Patients of the latency phase (must be one of <see cref="PatientCounts"/>).</summary>
    public required int LatencyPatients { get; init; }

    public required IReadOnlyList<double> LatencyLoads { get; init; }

    /// <summary>A step that offers more than the system takes: its steady processed rate is the first estimate.</summary>
    public required TimeSpan SaturateFor { get; init; }

    /// <summary>A step at a rate below the estimate that must show processed ≈ offered and a bounded backlog.</summary>
    public required TimeSpan ConfirmFor { get; init; }

    public required TimeSpan LatencyStepFor { get; init; }

    /// <summary>Publishes per second offered by a saturating step (capped by what the generator manages).</summary>
    public required double SaturatingRate { get; init; }

    public required TimeSpan ProbeEvery { get; init; }

    /// <summary>MQTT connections of the load generator.</summary>
    public int Connections { get; init; } = 4;

    /// <summary>Admissions in flight at once (REST, each writes Redis and the PostgreSQL audit).</summary>
    public int AdmitConcurrency { get; init; } = 16;

    public static BenchSettings Full { get; } = new()
    {
        PatientCounts = [100, 1_000, 5_000, 10_000],
        LatencyPatients = 1_000,
        LatencyLoads = [0.25, 0.50, 0.90],
        SaturateFor = TimeSpan.FromSeconds(15),
        ConfirmFor = TimeSpan.FromSeconds(15),
        LatencyStepFor = TimeSpan.FromSeconds(25),
        SaturatingRate = 20_000,
        ProbeEvery = TimeSpan.FromMilliseconds(250),
    };

    public static BenchSettings Quick { get; } = new()
    {
        PatientCounts = [50, 200],
        LatencyPatients = 200,
        LatencyLoads = [0.25, 0.50, 0.90],
        SaturateFor = TimeSpan.FromSeconds(8),
        ConfirmFor = TimeSpan.FromSeconds(8),
        LatencyStepFor = TimeSpan.FromSeconds(8),
        SaturatingRate = 5_000,
        ProbeEvery = TimeSpan.FromMilliseconds(500),
    };
}
