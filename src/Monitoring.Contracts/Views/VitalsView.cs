namespace Monitoring.Contracts.Views;

/// <summary>The latest vital signs, each with its age; a missing one is null.</summary>
[GenerateSerializer, Immutable]
public sealed record VitalsView
{
    [Id(0)] public TimedReading? HeartRate { get; init; }
    [Id(1)] public TimedReading? Spo2 { get; init; }
    [Id(2)] public TimedReading? RespRate { get; init; }
    [Id(3)] public TimedReading? Systolic { get; init; }
    [Id(4)] public TimedReading? Diastolic { get; init; }
    [Id(5)] public TimedReading? Temperature { get; init; }
    [Id(6)] public TimedReading? Rhythm { get; init; }
}
