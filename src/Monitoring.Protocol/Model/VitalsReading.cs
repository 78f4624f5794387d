namespace Monitoring.Protocol.Model;

/// <summary>A monitor's message: any subset of the vital signs (a missing one may be a probe off).</summary>
public sealed record VitalsReading(
    string MonitorId,
    decimal? HeartRate,
    decimal? Spo2,
    decimal? RespRate,
    decimal? Systolic,
    decimal? Diastolic,
    decimal? Temperature,
    Rhythm? Rhythm,
    DateTimeOffset DeviceTs,
    DateTimeOffset ReceivedAt);
