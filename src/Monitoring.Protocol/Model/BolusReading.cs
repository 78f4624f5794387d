using Monitoring.Protocol.Dosing;

namespace Monitoring.Protocol.Model;

public sealed record BolusReading(string PumpId, decimal DoseMg, BolusKind Kind, DateTimeOffset DeviceTs, DateTimeOffset ReceivedAt);
