using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Devices;

/// <summary>How a charted observation reaches the product: the observations topic or REST.</summary>
public interface IObservationChannel
{
    /// <returns>True when the product (or the broker, for MQTT) took it.</returns>
    Task<bool> SendAsync(string patientId, ObservationMessage observation, CancellationToken cancellationToken);
}
