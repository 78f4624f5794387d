namespace Monitoring.Simulators.Messaging;

/// <summary>`devices/pumps/{pumpId}/bolus`; kind is test or acute.</summary>
public sealed record BolusMessage(int SchemaVersion, string BootId, long Seq, DateTimeOffset Ts, decimal DoseMg, string Kind);
