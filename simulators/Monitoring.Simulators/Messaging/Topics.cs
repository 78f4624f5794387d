namespace Monitoring.Simulators.Messaging;

/// <summary>The MQTT topics of the contract (interfaces.md), spelled in one place.</summary>
public static class Topics
{
    public const string Rejected = "monitoring/rejected";
    public const string Escalations = "monitoring/escalations";

    public static string PumpStatus(string pumpId) => $"devices/pumps/{pumpId}/status";

    public static string PumpBolus(string pumpId) => $"devices/pumps/{pumpId}/bolus";

    public static string PumpCommand(string pumpId) => $"devices/pumps/{pumpId}/cmd";

    public static string MonitorVitals(string monitorId) => $"devices/monitors/{monitorId}/vitals";

    public static string Observations(string patientId) => $"patients/{patientId}/observations";

    /// <summary>The device id in a `devices/{kind}/{id}/...` topic, or null for any other topic.</summary>
    public static string? DeviceIdOf(string topic)
    {
        var parts = topic.Split('/');
        return parts.Length >= 4 && parts[0] == "devices" ? parts[2] : null;
    }
}
