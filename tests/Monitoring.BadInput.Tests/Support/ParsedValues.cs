using Monitoring.Contracts;
using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Parsing;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>A parsed message as wire names and plain values, to compare with a draft's expected values.</summary>
public static class ParsedValues
{
    /// <summary>The values by wire name, and the id the message was attributed to.</summary>
    public static (string Id, IReadOnlyDictionary<string, object?> Values) Of(ParseResult result) => result switch
    {
        ParsedDeviceMessage { Message: PumpStatusMessage m } => (m.Meta.DeviceId, new Dictionary<string, object?>(Meta(m.Meta))
        {
            ["state"] = Wire.Name(m.Reading.State),
            ["rateMlPerHour"] = m.Reading.RateMlPerHour,
            ["rateStepMlPerHour"] = m.Reading.RateStepMlPerHour,
            ["concentrationMgPerMl"] = m.Reading.ConcentrationMgPerMl,
            ["volumeInfusedMl"] = m.Reading.VolumeInfusedMl,
            ["alarm"] = m.Reading.Alarm is { } alarm ? Wire.Name(alarm) : null,
            ["lastCommandId"] = m.Reading.LastCommandId,
            ["lastCommandResult"] = m.Reading.LastCommandResult is { } r ? Wire.Name(r) : null,
            ["@pumpId"] = m.Reading.PumpId,
        }),
        ParsedDeviceMessage { Message: BolusMessage m } => (m.Meta.DeviceId, new Dictionary<string, object?>(Meta(m.Meta))
        {
            ["doseMg"] = m.Reading.DoseMg,
            ["kind"] = Wire.Name(m.Reading.Kind),
            ["@pumpId"] = m.Reading.PumpId,
        }),
        ParsedDeviceMessage { Message: VitalsMessage m } => (m.Meta.DeviceId, new Dictionary<string, object?>(Meta(m.Meta))
        {
            ["heartRate"] = m.Reading.HeartRate,
            ["spo2"] = m.Reading.Spo2,
            ["respRate"] = m.Reading.RespRate,
            ["systolic"] = m.Reading.Systolic,
            ["diastolic"] = m.Reading.Diastolic,
            ["temperature"] = m.Reading.Temperature,
            ["rhythm"] = m.Reading.Rhythm is { } rhythm ? Wire.Name(rhythm) : null,
            ["@monitorId"] = m.Reading.MonitorId,
        }),
        ParsedObservation { Message: var m } => (m.PatientId, new Dictionary<string, object?>
        {
            ["observationId"] = m.Reading.ObservationId,
            ["sourceId"] = m.SourceId,
            ["recordedBy"] = m.Reading.RecordedBy,
            ["kind"] = Wire.Name(m.Reading.Kind),
            ["value"] = (object?)m.Reading.Number ?? (object?)(m.Reading.Level is { } level ? Wire.Name(level) : null) ?? m.Reading.Flag,
        }),
        _ => throw new ArgumentException($"not a parsed message: {result}", nameof(result)),
    };

    private static Dictionary<string, object?> Meta(DeviceMessageMeta meta) => new()
    {
        ["bootId"] = meta.BootId,
        ["seq"] = meta.Seq,
        ["ts"] = meta.DeviceTs,
    };
}
