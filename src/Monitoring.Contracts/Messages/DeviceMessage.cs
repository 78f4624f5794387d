using Monitoring.Protocol.Model;

namespace Monitoring.Contracts.Messages;

/// <summary>A validated device message on its way from ingest to the device's patient.</summary>
[GenerateSerializer]
public abstract record DeviceMessage([property: Id(0)] DeviceMessageMeta Meta);

[GenerateSerializer, Immutable]
public sealed record PumpStatusMessage(DeviceMessageMeta Meta, [property: Id(0)] PumpStatusReading Reading) : DeviceMessage(Meta);

[GenerateSerializer, Immutable]
public sealed record BolusMessage(DeviceMessageMeta Meta, [property: Id(0)] BolusReading Reading) : DeviceMessage(Meta);

[GenerateSerializer, Immutable]
public sealed record VitalsMessage(DeviceMessageMeta Meta, [property: Id(0)] VitalsReading Reading) : DeviceMessage(Meta);
