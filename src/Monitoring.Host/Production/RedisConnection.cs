using StackExchange.Redis;

namespace Monitoring.Host.Production;

/// <summary>
/// The host's own connection to Redis (the Data Protection key ring and the "redis" health check; Orleans' providers
/// keep their own), opened on first use and reconnecting by itself.
/// </summary>
public sealed class RedisConnection(RedisSettings settings) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() => ConnectionMultiplexer.Connect(settings.Options()));

    public IDatabase Database => _multiplexer.Value.GetDatabase();

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
