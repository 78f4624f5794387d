using Monitoring.Ingest.Topics;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>A generated topic and the route the contract gives it (null: not a topic of the contract).</summary>
public sealed record TopicCase(string Topic, TopicRoute? Expected)
{
    public override string ToString() => $"'{Json.Show(Topic, 300)}' expected {(Expected is null ? "unknown topic" : Expected.ToString())}";
}
