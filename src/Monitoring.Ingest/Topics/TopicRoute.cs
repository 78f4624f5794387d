namespace Monitoring.Ingest.Topics;

/// <summary>An inbound topic understood: what it carries and whose it is (the topic is authoritative for the id).</summary>
/// <param name="Id">The pump, monitor or patient id from the topic.</param>
/// <param name="Segment">The topic's last segment: status, bolus, vitals or observations.</param>
public sealed record TopicRoute(TopicKind Kind, string Id, string Segment)
{
    public bool IsDevice => Kind != TopicKind.Observations;

    /// <summary>One device's (or one patient's charting) messages share a key, so one worker applies them in order.</summary>
    public string OrderingKey => IsDevice ? "device/" + Id : "patient/" + Id;
}
