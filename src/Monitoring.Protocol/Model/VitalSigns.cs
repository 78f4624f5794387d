namespace Monitoring.Protocol.Model;

/// <summary>The latest value of each vital sign, each with its receipt time (a value's age is how stale it is).</summary>
public sealed record VitalSigns(
    TimedValue<decimal>? HeartRate = null,
    TimedValue<decimal>? Spo2 = null,
    TimedValue<decimal>? RespRate = null,
    TimedValue<decimal>? Systolic = null,
    TimedValue<decimal>? Diastolic = null,
    TimedValue<decimal>? Temperature = null,
    TimedValue<Rhythm>? Rhythm = null)
{
    public static VitalSigns None { get; } = new();

    /// <summary>Each value present in the reading replaces the last one; absent values keep their (ageing) last value.</summary>
    public VitalSigns With(VitalsReading r) => new(
        Timed(r.HeartRate, r.ReceivedAt) ?? HeartRate,
        Timed(r.Spo2, r.ReceivedAt) ?? Spo2,
        Timed(r.RespRate, r.ReceivedAt) ?? RespRate,
        Timed(r.Systolic, r.ReceivedAt) ?? Systolic,
        Timed(r.Diastolic, r.ReceivedAt) ?? Diastolic,
        Timed(r.Temperature, r.ReceivedAt) ?? Temperature,
        r.Rhythm is { } rhythm ? new TimedValue<Rhythm>(rhythm, r.ReceivedAt) : Rhythm);

    private static TimedValue<decimal>? Timed(decimal? value, DateTimeOffset at) =>
        value is { } v ? new TimedValue<decimal>(v, at) : null;
}
