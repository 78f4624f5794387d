namespace Monitoring.Simulators.Scenarios.Steps;

/// <summary>`inventory: device` — PUT /api/wards/{wardId}/devices/{deviceId}: on the ward, associated with nobody.</summary>
public sealed record InventoryStep(string DeviceId, string DeviceType) : ScenarioStep
{
    public override string Describe() => $"add {DeviceType} {DeviceId} to the ward";
}
