using System.Net.Http.Json;

namespace Monitoring.Production.Tests.Support;

/// <summary>Associating devices with a patient over REST (PUT /api/patients/{id}/devices), as a charge nurse does.</summary>
public static class PatientDevices
{
    public static async Task Attach(Session charge, string patientId, string? pumpId, string? monitorId)
    {
        ArgumentNullException.ThrowIfNull(charge);
        var response = await charge.Http.PutAsJsonAsync(new Uri($"/api/patients/{patientId}/devices", UriKind.Relative), new { pumpId, monitorId });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"device association answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
