namespace Monitoring.Contracts.Views;

/// <summary>One charted series of a patient, oldest point first.</summary>
/// <param name="Name">doseRate, spo2, respRate, heartRate, pain, systolic.</param>
/// <param name="Unit">The unit as a nurse reads it ("mg/kg/h", "%", "/min", "NRS", "mmHg").</param>
[GenerateSerializer, Immutable]
public sealed record TrendSeries(
    [property: Id(0)] string Name,
    [property: Id(1)] string Unit,
    [property: Id(2)] IReadOnlyList<TrendPoint> Points);
