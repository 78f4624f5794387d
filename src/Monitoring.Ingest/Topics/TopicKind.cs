namespace Monitoring.Ingest.Topics;

/// <summary>The inbound topics of the contract (interfaces.md, MQTT).</summary>
public enum TopicKind
{
    PumpStatus,
    PumpBolus,
    Vitals,
    Observations,
}
