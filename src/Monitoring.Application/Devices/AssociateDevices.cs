namespace Monitoring.Application.Devices;

/// <summary>Give a patient a pump, a monitor or both (a blank id is not asked for).</summary>
public sealed record AssociateDevices(string PatientId, string? PumpId, string? MonitorId);
