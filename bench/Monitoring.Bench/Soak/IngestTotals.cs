using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitoring.Bench.Soak;

/// <summary>A host's ingest counters from its /metrics text, summed over topics: received, acknowledged, applied, duplicates, late, ...</summary>
public static partial class IngestTotals
{
    public static IReadOnlyDictionary<string, long> Parse(string metrics)
    {
        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (Match m in Line().Matches(metrics ?? ""))
        {
            var name = m.Groups["name"].Value;
            totals[name] = totals.GetValueOrDefault(name) + (long)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        }

        return totals;
    }

    [GeneratedRegex(@"^monitoring_ingest_(?<name>[a-z_]+?)(?:_total)?(?:\{[^}]*\})? (?<value>[0-9.eE+]+)$", RegexOptions.Multiline)]
    private static partial Regex Line();
}
