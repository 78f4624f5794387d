using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.HostApi;

/// <summary>A nurse charting through POST /api/patients/{id}/observations (signed in as Nurse or ChargeNurse).</summary>
public sealed class RestObservationChannel(HostApiClient client) : IObservationChannel
{
    /// <summary>The last answer, so a scenario can check a refused observation.</summary>
    public HostResponse? LastResponse { get; private set; }

    public async Task<bool> SendAsync(string patientId, ObservationMessage observation, CancellationToken cancellationToken)
    {
        LastResponse = await client.PostAsync(HostRoutes.PatientObservations(patientId), observation, cancellationToken).ConfigureAwait(false);
        return LastResponse.IsSuccess;
    }
}
