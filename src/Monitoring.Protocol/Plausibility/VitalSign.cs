namespace Monitoring.Protocol.Plausibility;

/// <summary>The monitor's numeric signs, each with its own plausible range (<see cref="PlausibleValues.Vital"/>).</summary>
public enum VitalSign
{
    HeartRate,
    Spo2,
    RespRate,
    Systolic,
    Diastolic,
    Temperature,
}
