using Monitoring.Application.Ports;
using Monitoring.Ingest.Parsing;

namespace Monitoring.Host.Ports;

/// <summary>Ingest's <see cref="PayloadParser"/> as the use cases' observation reader: REST and the pages accept exactly what MQTT does.</summary>
public sealed class IngestObservationParser(PayloadParser parser) : IObservationParser
{
    public ObservationParse Parse(string patientId, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt) =>
        parser.ParseObservation(patientId, body, receivedAt) switch
        {
            ParsedObservation parsed => new ObservationParse(parsed.Message, null, null),
            Refusal refusal => new ObservationParse(null, refusal.Field, refusal.Reason),
            var other => new ObservationParse(null, "", $"unexpected parse result {other.GetType().Name}"),
        };
}
