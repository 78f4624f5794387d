namespace Monitoring.Contracts.Views;

/// <summary>A charted observation still on the patient's record (the trailing window), so one made in error can be retracted.</summary>
/// <param name="Kind">pain, sedation, consciousness, oxygen, hallucination, delirium, benzodiazepine, opioid.</param>
/// <param name="Value">As charted (null for hallucination and delirium).</param>
[GenerateSerializer, Immutable]
public sealed record ObservationView(
    [property: Id(0)] string ObservationId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Value,
    [property: Id(3)] string RecordedBy,
    [property: Id(4)] DateTimeOffset At);
