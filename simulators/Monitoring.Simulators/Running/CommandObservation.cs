using Monitoring.Simulators.Devices;

namespace Monitoring.Simulators.Running;

/// <summary>A command a simulated pump received, at a scenario offset.</summary>
public sealed record CommandObservation(TimeSpan At, string PumpId, ReceivedCommand Command);
