namespace Monitoring.Protocol.Model;

public enum ObservationKind
{
    Pain,
    Sedation,
    Consciousness,
    Oxygen,
    Hallucination,
    Delirium,
    Benzodiazepine,
    Opioid,
}
