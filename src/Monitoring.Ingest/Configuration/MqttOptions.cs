using System.ComponentModel.DataAnnotations;

namespace Monitoring.Ingest.Configuration;

/// <summary>Config section "Mqtt": the broker and this host's connection to it (interfaces.md, operator configuration).</summary>
public sealed class MqttOptions
{
    public const string SectionName = "Mqtt";

    /// <summary>Empty: the host runs its own embedded broker on loopback at <see cref="Port"/>.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }

    /// <summary>This host's stable client id (persistent session). Unset: "monitoring-" plus machine and instance name.</summary>
    public string? ClientId { get; set; }

    /// <summary>The silo or instance name the host gives (AddMqttIngest), so two hosts on one machine differ.</summary>
    public string? InstanceName { get; set; }

    /// <summary>How long the broker keeps this host's session (and its unacknowledged messages) while it is away.</summary>
    [Range(1, uint.MaxValue)]
    public uint SessionExpirySeconds { get; set; } = 86_400;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the connection loop checks liveness with a ping.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Connect, subscribe, publish and acknowledge each give up after this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A pump command or an escalation waits this long for a lost connection to return before it fails.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PublishWaitForConnection { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>MQTT 5 receive maximum: how many unacknowledged messages the broker may have in flight to this host.</summary>
    [Range(1, 65535)]
    public int ReceiveMaximum { get; set; } = 1000;

    /// <summary>Embedded broker: messages queued per subscriber before the oldest is dropped (MQTTnet's default is 1000).</summary>
    [Range(1, int.MaxValue)]
    public int EmbeddedMaxPendingMessagesPerClient { get; set; } = 100_000;

    /// <summary>
    /// The largest MQTT packet accepted: the host's client tells the broker (MQTT 5 Maximum Packet Size, so a larger
    /// message is never sent to it) and the embedded broker refuses a larger publish. Device messages are a few hundred
    /// bytes. Mosquitto's own limit is <c>max_packet_size</c> in deploy/mosquitto/mosquitto.conf.
    /// </summary>
    [Range(1024, 268_435_455)]
    public int MaxPacketBytes { get; set; } = 65_536;

    public bool UsesEmbeddedBroker => string.IsNullOrWhiteSpace(Host);

    public string EffectiveClientId()
    {
        if (!string.IsNullOrWhiteSpace(ClientId))
        {
            return ClientId;
        }

        var id = "monitoring-" + Environment.MachineName;
        return string.IsNullOrWhiteSpace(InstanceName) ? id : id + "-" + InstanceName;
    }
}
