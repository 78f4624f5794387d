namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`release: {patient, device}` — DELETE /api/patients/{id}/devices/{deviceId}.</summary>
public sealed record ReleaseStep(string PatientId, string DeviceId) : ScenarioStep
{
    public override string Describe() => $"release {DeviceId} from {PatientId}";
}
