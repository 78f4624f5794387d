namespace Monitoring.Host.Endpoints.Requests;

/// <summary>PUT /api/patients/{id}/devices: either device or both.</summary>
public sealed record DeviceAssignmentRequest(string? PumpId, string? MonitorId);
