namespace Monitoring.Host.Extensions;

/// <summary>The grain storage providers the grains ask for by name.</summary>
public static class StorageNames
{
    public const string Patients = "patients";
    public const string Devices = "devices";
    public const string Wards = "wards";
    public const string Sessions = "sessions";

    public static IReadOnlyList<string> All { get; } = [Patients, Devices, Wards, Sessions];
}
