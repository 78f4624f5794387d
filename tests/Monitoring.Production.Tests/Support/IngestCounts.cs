using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// One topic's ingest counters as a host process reports them on /metrics (Prometheus text, Operator role): what it
/// received from the broker, acknowledged back to it, and what the patient grains made of it.
/// </summary>
public sealed partial record IngestCounts(long Received, long Acknowledged, long Applied, long Duplicates, long Late)
{
    public static async Task<IngestCounts> Read(Session operatorSession, string topic)
    {
        ArgumentNullException.ThrowIfNull(operatorSession);
        var text = await operatorSession.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (Match m in Line().Matches(text))
        {
            if (m.Groups["labels"].Value.Contains($"topic=\"{topic}\"", StringComparison.Ordinal))
            {
                var name = m.Groups["name"].Value;
                totals[name] = totals.GetValueOrDefault(name) + (long)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        long Of(string name) => totals.GetValueOrDefault(name);
        return new IngestCounts(Of("received"), Of("acknowledged"), Of("applied"), Of("duplicates"), Of("late"));
    }

    public override string ToString() =>
        $"host: received {Received}, acknowledged {Acknowledged}, applied {Applied}, duplicates {Duplicates}, late {Late}";

    [GeneratedRegex(@"^monitoring_ingest_(?<name>[a-z_]+?)(?:_total)?\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Line();
}
