namespace Monitoring.Ingest.Publishing;

/// <summary>One device's last second of published refusals and the count held back since the last one published.</summary>
internal sealed class RejectedWindow
{
    public Queue<DateTimeOffset> Published { get; } = new();

    public long Suppressed { get; set; }
}
