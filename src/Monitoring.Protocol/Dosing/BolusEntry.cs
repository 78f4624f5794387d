namespace Monitoring.Protocol.Dosing;

/// <summary>A bolus as delivered: server-receipt time, dose in mg, and the kind the pump reported.</summary>
public sealed record BolusEntry(DateTimeOffset At, decimal DoseMg, BolusKind Kind);
