using Monitoring.Contracts.Messages;

namespace Monitoring.Ingest.Parsing;

/// <summary>A pump status, bolus or vitals message that can be read: on its way to the device grain.</summary>
public sealed record ParsedDeviceMessage(DeviceMessage Message) : ParseResult;
