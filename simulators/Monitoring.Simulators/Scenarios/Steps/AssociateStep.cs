namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`associate: {patient, pump?, monitor?}` — PUT /api/patients/{id}/devices.</summary>
public sealed record AssociateStep(string PatientId, string? PumpId, string? MonitorId) : ScenarioStep
{
    public override string Describe() => $"associate {string.Join(" and ", new[] { PumpId, MonitorId }.Where(d => d is not null))} with {PatientId}";
}
