using Monitoring.Simulators.Devices;

namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`commands: {pump, behaviour: obey | reject | ignore}` — how the pump treats the product's commands from now on.</summary>
public sealed record CommandBehaviourStep(string PumpId, PumpCommandBehaviour Behaviour) : ScenarioStep
{
    public override string Describe() => $"{PumpId} commands: {Behaviour.ToString().ToLowerInvariant()}";
}
