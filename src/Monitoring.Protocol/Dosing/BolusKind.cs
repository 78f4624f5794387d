namespace Monitoring.Protocol.Dosing;

/// <summary>The kind a pump reports with a bolus (interfaces.md, devices/pumps/{pumpId}/bolus).</summary>
public enum BolusKind
{
    Test,
    Acute,
}
