namespace Monitoring.Application.Devices;

/// <summary>The patient lets a device go (the device grain is told): the patient's pump and monitor are its own state.</summary>
public sealed record ReleaseDevice(string PatientId, string DeviceId);
