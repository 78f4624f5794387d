namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>A real Mosquitto and a host on it, with a Mosquitto user for each of <see cref="Beds"/> pumps and monitors.</summary>
public sealed class LoadWardFixture : MosquittoHostFixture
{
    public const int Beds = 50;

    public static string PumpOf(int bed) => $"ld-pump-{bed:00}";

    public static string MonitorOf(int bed) => $"ld-monitor-{bed:00}";

    public static string PatientOf(int bed) => $"ld-patient-{bed:00}";

    protected override IEnumerable<string> Devices =>
        Enumerable.Range(1, Beds).SelectMany(bed => new[] { PumpOf(bed), MonitorOf(bed) });
}
