using System.Globalization;
using System.Text.Json.Nodes;
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
    public async Task<string> WriteSeedsAsync(string hostSeeds, int probes)
    {
        var folder = Directory.CreateTempSubdirectory("bench-seeds-").FullName;
        File.Copy(Path.Combine(hostSeeds, "ketamine-protocol.json"), Path.Combine(folder, "ketamine-protocol.json"));
        var wards = Directory.CreateDirectory(Path.Combine(folder, "wards")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(hostSeeds, "wards"), "*.json"))
        {
            File.Copy(file, Path.Combine(wards, Path.GetFileName(file)));
        }

        var patients = settings.PatientCounts.Max();
        var beds = Enumerable.Range(1, patients).Select(n => WardBed.Create(profile, n, "load-"))
            .Concat(AlertProbe.Beds(profile, probes))
            .GroupBy(WardOf);
        foreach (var ward in beds)
        {
            var seed = new JsonObject
            {
                ["id"] = ward.Key,
                ["displayName"] = $"Bench {ward.Key}",
                ["mode"] = "enforcing",
                ["beds"] = new JsonArray([.. ward.Select(b => JsonValue.Create(b.BedId)).Distinct()]),
                ["devices"] = new JsonArray(),
                ["overrides"] = new JsonObject(),
            };
            await File.WriteAllTextAsync(Path.Combine(wards, $"{ward.Key}.json"), seed.ToJsonString());
        }

        return folder;
    }

    private static string Ward(int index) => Prefix + (index + 1).ToString("00", CultureInfo.InvariantCulture);
}
