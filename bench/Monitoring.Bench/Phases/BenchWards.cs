using System.Globalization;
using Monitoring.Simulators.Ward;

namespace Monitoring.Bench.Phases;

/// <summary>
/// The bench's wards: load patients fill wards of <see cref="BenchSettings.PatientsPerWard"/> beds in order (a real
/// hospital is many wards, and every message of a ward passes through its one ward grain), and the probe patients
/// share the first load ward, so the charge nurse watching them sees a busy ward. Written as seed files next to
/// the product's own (the host reads them from Seeds__Path at start).
/// </summary>
public sealed class BenchWards(BenchSettings settings, WardProfile profile)
{
    private const string Prefix = "bench-ward-";

    public string WardOf(WardBed bed) =>
        bed.PatientId.StartsWith(AlertProbe.ProbePrefix, StringComparison.Ordinal) ? Ward(0) : Ward((bed.Number - 1) / settings.PatientsPerWard);

    public static string ProbeWard => Ward(0);

    /// <summary>Copies the host's seeds and adds one file per bench ward, listing its beds.</summary>
    public Task<string> WriteSeedsAsync(string hostSeeds, int probes)
    {
        var patients = settings.PatientCounts.Max();
        var beds = Enumerable.Range(1, patients).Select(n => WardBed.Create(profile, n, "load-"))
            .Concat(AlertProbe.Beds(profile, probes));
        return WardSeeds.WriteAsync(hostSeeds, beds.GroupBy(WardOf, b => b.BedId), "Bench");
    }

    private static string Ward(int index) => Prefix + (index + 1).ToString("00", CultureInfo.InvariantCulture);
}
