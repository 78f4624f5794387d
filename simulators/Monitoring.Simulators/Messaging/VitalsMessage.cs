using System.Text.Json.Serialization;

namespace Monitoring.Simulators.Messaging;

/// <summary>`devices/monitors/{monitorId}/vitals`: any subset of the parameters; an absent one is left out, not null.</summary>
public sealed record VitalsMessage(int SchemaVersion, string BootId, long Seq, DateTimeOffset Ts)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? HeartRate { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Spo2 { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? RespRate { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Systolic { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Diastolic { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Temperature { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Rhythm { get; init; }
}
