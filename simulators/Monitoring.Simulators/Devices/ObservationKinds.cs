namespace Monitoring.Simulators.Devices;

/// <summary>Observation `kind` values of the contract.</summary>
public static class ObservationKinds
{
    public const string Pain = "pain";
    public const string Sedation = "sedation";
    public const string Consciousness = "consciousness";
    public const string Oxygen = "oxygen";
    public const string Hallucination = "hallucination";
    public const string Delirium = "delirium";
    public const string Benzodiazepine = "benzodiazepine";
    public const string Opioid = "opioid";

    public static IReadOnlyList<string> All { get; } = [Pain, Sedation, Consciousness, Oxygen, Hallucination, Delirium, Benzodiazepine, Opioid];

    /// <summary>Events that carry no value.</summary>
    public static bool IsEvent(string kind) => kind is Hallucination or Delirium;
}
