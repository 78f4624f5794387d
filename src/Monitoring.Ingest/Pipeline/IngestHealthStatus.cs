namespace Monitoring.Ingest.Pipeline;

/// <summary>What the host's readiness check and the dashboard's device-feed banner read.</summary>
/// <param name="Connected">Connected to the broker and subscribed.</param>
/// <param name="Since">When <paramref name="Connected"/> last changed (real time); before the first connection, when ingest was created.</param>
/// <param name="LastError">Why it is not connected, or the last connection problem.</param>
/// <param name="RoutingFailingSince">Set while messages cannot be handed to the grains (they are retried, not acknowledged).</param>
/// <param name="ConnectAttempted">False only until the first connection attempt has ended (either way): a host still starting.</param>
public sealed record IngestHealthStatus(
    bool Connected,
    DateTimeOffset Since,
    string? LastError,
    DateTimeOffset? RoutingFailingSince,
    string? RoutingError,
    bool ConnectAttempted = false);
