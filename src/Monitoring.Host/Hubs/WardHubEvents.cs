namespace Monitoring.Host.Hubs;

/// <summary>The server-to-client method names of /hubs/ward (interfaces.md).</summary>
public static class WardHubEvents
{
    public const string PatientUpdated = "patientUpdated";
    public const string AlertRaised = "alertRaised";
    public const string AlertChanged = "alertChanged";
    public const string AlertEscalated = "alertEscalated";
}
