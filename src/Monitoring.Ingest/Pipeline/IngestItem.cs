using System.Diagnostics;
using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Pipeline;

/// <summary>A received message waiting for its worker.</summary>
/// <param name="Route">Null for a topic outside the contract.</param>
/// <param name="ReceivedAt">The product's clock at receipt: every time rule runs on it.</param>
/// <param name="Generation">The connection it arrived on: it is acknowledged only on that one.</param>
/// <param name="Acknowledge">Sends the PUBACK (a no-op for QoS 0).</param>
public sealed record IngestItem(
    string Topic,
    TopicRoute? Route,
    byte[] Payload,
    DateTimeOffset ReceivedAt,
    long Generation,
    Func<CancellationToken, Task> Acknowledge)
{
    /// <summary>This host's monotonic clock at receipt (made with the item, as the message arrives): the start of
    /// the publish-to-alert latency. Retries keep it, so their time counts.</summary>
    public long ReceivedTimestamp { get; init; } = Stopwatch.GetTimestamp();

    /// <summary>The broker delivered it as a retained message (a replay of an old one at subscribe time): refused.</summary>
    public bool Retained { get; init; }
}
