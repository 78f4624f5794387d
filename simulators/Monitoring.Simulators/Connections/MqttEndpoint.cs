namespace Monitoring.Simulators.Connections;

/// <summary>The broker the simulated devices connect to.</summary>
public sealed record MqttEndpoint
{
    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 1883;

    public string? Username { get; init; }

    public string? Password { get; init; }

    public bool UseTls { get; init; }

    /// <summary>Client ids are this prefix plus the connection's number; unique per simulator process by default.</summary>
    public string ClientIdPrefix { get; init; } = $"sim-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>QoS 1 publishes awaiting PUBACK per connection (the broker's receive maximum is about 20).</summary>
    public int MaxInFlightPerConnection { get; init; } = 20;

    /// <summary>How often a connection checks itself with a ping and reconnects if the ping fails.</summary>
    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromSeconds(2);
}
