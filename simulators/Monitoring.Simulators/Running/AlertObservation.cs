using Monitoring.Simulators.HostApi;

namespace Monitoring.Simulators.Running;

/// <summary>An alert as seen at a scenario offset: pushed by the hub or read from REST.</summary>
/// <param name="Source">alertRaised, alertChanged, alertEscalated, getWard or rest.</param>
public sealed record AlertObservation(TimeSpan At, string Source, AlertRecord Alert);
