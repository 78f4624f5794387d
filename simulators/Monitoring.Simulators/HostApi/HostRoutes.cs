namespace Monitoring.Simulators.HostApi;

/// <summary>The REST routes and hub path of the contract (interfaces.md).</summary>
public static class HostRoutes
{
    public const string Login = "/api/auth/login";
    public const string Logout = "/api/auth/logout";
    public const string Patients = "/api/patients";
    public const string Clock = "/test/clock";
    public const string ClockAdvance = "/test/clock/advance";
    public const string WardHub = "/hubs/ward";
    public const string Ready = "/health/ready";

    public static string Patient(string patientId) => $"/api/patients/{Uri.EscapeDataString(patientId)}";

    public static string PatientDevices(string patientId) => $"{Patient(patientId)}/devices";

    public static string PatientDevice(string patientId, string deviceId) => $"{PatientDevices(patientId)}/{Uri.EscapeDataString(deviceId)}";

    public static string PatientActions(string patientId) => $"{Patient(patientId)}/actions";

    public static string PatientReviews(string patientId) => $"{Patient(patientId)}/reviews";

    public static string PatientObservations(string patientId) => $"{Patient(patientId)}/observations";

    public static string PatientObservation(string patientId, string observationId) => $"{PatientObservations(patientId)}/{Uri.EscapeDataString(observationId)}";

    public static string WardDevice(string wardId, string deviceId) => $"/api/wards/{Uri.EscapeDataString(wardId)}/devices/{Uri.EscapeDataString(deviceId)}";

    public static string Ward(string wardId) => $"/api/wards/{Uri.EscapeDataString(wardId)}";

    public static string Alerts(string? wardId, string? state)
    {
        var query = new List<string>();
        if (wardId is not null)
        {
            query.Add($"wardId={Uri.EscapeDataString(wardId)}");
        }

        if (state is not null)
        {
            query.Add($"state={Uri.EscapeDataString(state)}");
        }

        return query.Count == 0 ? "/api/alerts" : $"/api/alerts?{string.Join('&', query)}";
    }

    public static string AlertAcknowledge(string alertId) => $"/api/alerts/{Uri.EscapeDataString(alertId)}/acknowledge";
}
