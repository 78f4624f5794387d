namespace Monitoring.Bench.Soak;

/// <summary>The soak's faults.</summary>
public enum FaultKind
{
    /// <summary>SIGKILL of one of the two host processes, started again after the outage.</summary>
    HostKill,

    /// <summary>SIGKILL of Mosquitto (persistence as production: autosave every 10 s), started again after the outage.</summary>
    BrokerKill,

    /// <summary>Redis unreachable: the relay in front of it cuts every connection and refuses new ones.</summary>
    RedisOutage,

    /// <summary>PostgreSQL unreachable, likewise.</summary>
    PostgresOutage,
}
