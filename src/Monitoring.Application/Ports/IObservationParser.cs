namespace Monitoring.Application.Ports;

/// <summary>
/// Reads a charting app's observation body (the MQTT contract's JSON) with ingest's own validation, so every door
/// accepts and refuses exactly what MQTT does. The host plugs ingest's parser in.
/// </summary>
public interface IObservationParser
{
    /// <summary>The message, or the field and reason it was refused for.</summary>
    ObservationParse Parse(string patientId, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt);
}
