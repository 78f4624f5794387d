using System.Text.Json.Nodes;

namespace Monitoring.Bench.Phases;

/// <summary>
/// A seeds folder for a host started by the bench: a copy of the product's seeds (protocol, wards) plus one enforcing
/// ward file per group of beds. The host reads it from Seeds__Path at start.
/// </summary>
public static class WardSeeds
{
    /// <param name="wards">Ward id to its bed ids.</param>
    /// <param name="displayPrefix">The wards' display names begin with it ("Bench", "Soak").</param>
    /// <returns>The new seeds folder.</returns>
    public static async Task<string> WriteAsync(string hostSeeds, IEnumerable<IGrouping<string, string>> wards, string displayPrefix)
    {
        ArgumentNullException.ThrowIfNull(wards);
        var folder = Directory.CreateTempSubdirectory("bench-seeds-").FullName;
        File.Copy(Path.Combine(hostSeeds, "ketamine-protocol.json"), Path.Combine(folder, "ketamine-protocol.json"));
        var wardFolder = Directory.CreateDirectory(Path.Combine(folder, "wards")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(hostSeeds, "wards"), "*.json"))
        {
            File.Copy(file, Path.Combine(wardFolder, Path.GetFileName(file)));
        }

        foreach (var ward in wards)
        {
            var seed = new JsonObject
            {
                ["id"] = ward.Key,
                ["displayName"] = $"{displayPrefix} {ward.Key}",
                ["mode"] = "enforcing",
                ["beds"] = new JsonArray([.. ward.Distinct().Select(b => JsonValue.Create(b))]),
                ["devices"] = new JsonArray(),
                ["overrides"] = new JsonObject(),
            };
            await File.WriteAllTextAsync(Path.Combine(wardFolder, $"{ward.Key}.json"), seed.ToJsonString());
        }

        return folder;
    }
}
