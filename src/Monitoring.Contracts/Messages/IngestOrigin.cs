namespace Monitoring.Contracts.Messages;

/// <summary>
/// The MQTT receipt behind an input: which host's ingest took the message and when, on that host's monotonic
/// clock (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>; device clocks are not trusted, and a
/// virtual test clock stands still). Ingest puts it in Orleans' <see cref="RequestContext"/> for the grain
/// calls that apply the message; a grain copies it onto the alert pushes that input causes, so the receiving
/// host can measure publish-to-alert latency. Only that host can read the timestamp.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IngestOrigin(
    [property: Id(0)] string HostId,
    [property: Id(1)] long ReceivedTimestamp)
{
    public const string RequestContextKey = "monitoring.ingest-origin";

    /// <summary>The origin of the request being served, or null (a timer, REST, the dashboard).</summary>
    public static IngestOrigin? Current => RequestContext.Get(RequestContextKey) as IngestOrigin;
}
