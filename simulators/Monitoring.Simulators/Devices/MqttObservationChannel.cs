using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Devices;

/// <summary>A charting app publishing on `patients/{patientId}/observations`.</summary>
public sealed class MqttObservationChannel(IMessagePublisher publisher) : IObservationChannel
{
    public Task<bool> SendAsync(string patientId, ObservationMessage observation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return publisher.PublishAsync(observation.SourceId, Topics.Observations(patientId), WireFormat.Serialize(observation), cancellationToken);
    }
}
