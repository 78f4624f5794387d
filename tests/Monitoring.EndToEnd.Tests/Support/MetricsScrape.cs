using System.Globalization;
using System.Net;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>One scrape of /metrics (Prometheus text), read as samples: a metric name, its labels and its value.</summary>
public sealed class MetricsScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples;

    private MetricsScrape(string text)
    {
        Text = text;
        _samples = [.. text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(Parse)];
    }

    public string Text { get; }

    /// <param name="operatorClient">A client signed in as an Operator.</param>
    public static async Task<MetricsScrape> Take(HttpClient operatorClient)
    {
        ArgumentNullException.ThrowIfNull(operatorClient);
        using var response = await operatorClient.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new MetricsScrape(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include every one given (0 when none).</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);

    /// <summary>Whether any sample of <paramref name="name"/> carries all the labels given.</summary>
    public bool Has(string name, params (string Label, string Value)[] labels) =>
        _samples.Any(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value));

    private static (string, Dictionary<string, string>, double) Parse(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = line.IndexOf('{', StringComparison.Ordinal);
        var close = line.LastIndexOf('}');
        var name = open < 0 ? line[..line.IndexOf(' ', StringComparison.Ordinal)] : line[..open];
        if (open >= 0)
        {
            // Label values here never hold quotes or commas (ids, priorities, states, event names, numbers).
            foreach (var pair in line[(open + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                labels[pair[..equals]] = pair[(equals + 1)..].Trim('"');
            }
        }

        var rest = line[((open < 0 ? name.Length : close + 1))..].Trim().Split(' ')[0];
        return (name, labels, double.Parse(rest, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
