namespace Monitoring.Protocol.Model;

/// <summary>A charted observation (charting app or dashboard), validated; the value field used depends on the kind.</summary>
/// <param name="Number">pain (NRS), sedation (RASS), benzodiazepine (mg midazolam), opioid (mg/24 h OME).</param>
/// <param name="Level">consciousness (ACVPU).</param>
/// <param name="Flag">oxygen: on supplemental oxygen.</param>
public sealed record ObservationReading(
    string ObservationId,
    ObservationKind Kind,
    decimal? Number,
    Consciousness? Level,
    bool? Flag,
    string RecordedBy,
    DateTimeOffset ReceivedAt);
