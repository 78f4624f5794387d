namespace Monitoring.Simulators.Connections;

/// <summary>What a connection pool has done so far.</summary>
/// <param name="Failed">Publishes refused or lost (not connected, broker error); never retried.</param>
public sealed record PoolStatistics(int Connections, int ConnectedNow, int Devices, long Published, long Failed, long Received, long Reconnects);
