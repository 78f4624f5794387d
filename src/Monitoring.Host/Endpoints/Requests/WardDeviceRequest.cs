namespace Monitoring.Host.Endpoints.Requests;

/// <summary>PUT /api/wards/{wardId}/devices/{deviceId}: type is pump or monitor.</summary>
public sealed record WardDeviceRequest(string? Type);
