namespace Monitoring.Simulators.HostApi;

/// <summary>Enumerated values of the contract (interfaces.md), for validating scenario files before a run.</summary>
public static class ContractValues
{
    /// <summary>The contract's default pump rate resolution (mL/h), used when a scenario names none.</summary>
    public const decimal DefaultRateStepMlPerHour = 0.1m;

    public static IReadOnlyList<string> Regimens { get; } = ["weight-based", "gradual"];

    public static IReadOnlyList<string> Contraindications { get; } =
    [
        "uncontrolled-cardiovascular-disease",
        "pregnancy",
        "active-psychosis",
        "severe-liver-dysfunction",
        "raised-intracranial-pressure",
        "raised-ocular-pressure",
    ];

    public static IReadOnlyList<string> Rhythms { get; } = ["sinus", "af", "flutter", "vt", "vf", "asystole", "other"];

    public static IReadOnlyList<string> Consciousness { get; } = ["A", "C", "V", "P", "U"];

    public static IReadOnlyList<string> BolusKinds { get; } = ["test", "acute"];

    public static IReadOnlyList<string> AlertStates { get; } = ["active", "acknowledged", "latched", "resolved"];

    public static IReadOnlyList<string> Priorities { get; } = ["high", "medium", "low"];

    public static IReadOnlyList<string> Actions { get; } = ["stop-course", "restart-course", "override-contraindication", "comfort-care-on", "comfort-care-off"];

    public static IReadOnlyList<string> PumpCommands { get; } = ["pause", "setRate"];

    public static IReadOnlyList<string> CommandResults { get; } = ["done", "rejected", "expired"];

    public static IReadOnlyList<string> Users { get; } = ["charge", "nurse"];
}
