using System.Globalization;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Bench.Measuring;

/// <summary>
/// The host's own count, scraped from /metrics as the operator: a message is processed when its patient's grain
/// decided it (applied, an exact duplicate, or late and kept as history). Unassociated and refused messages are
/// counted apart: in this bench they mean a set-up fault, not work done.
/// </summary>
public sealed class HostIngestCounter(HostApiClient operatorSession) : IProcessedCounter
{
    private static readonly string[] Processed = ["monitoring_ingest_applied", "monitoring_ingest_duplicates", "monitoring_ingest_late"];
    private static readonly string[] NotProcessed = ["monitoring_ingest_unassociated", "monitoring_ingest_refused"];

    public string Name => "host";

    /// <summary>Messages that reached ingest but no grain (last scrape).</summary>
    public long NotProcessedCount { get; private set; }

    public async Task<long> ProcessedAsync(CancellationToken cancellationToken)
    {
        var response = await operatorSession.GetAsync("/metrics", cancellationToken);
        if (!response.IsSuccess)
        {
            throw new InvalidOperationException($"/metrics answered {response.StatusCode}");
        }

        var processed = 0L;
        var notProcessed = 0L;
        foreach (var line in response.Body.Split('\n'))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var name = line[..line.IndexOfAny(['{', ' '])];
            var value = (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            if (Processed.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                processed += value;
            }
            else if (NotProcessed.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                notProcessed += value;
            }
        }

        NotProcessedCount = notProcessed;
        return processed;
    }
}
