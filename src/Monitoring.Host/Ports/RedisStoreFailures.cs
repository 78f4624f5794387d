using Monitoring.Application.Ports;
using Orleans.Persistence.Redis;
using StackExchange.Redis;

namespace Monitoring.Host.Ports;

/// <summary>The clinical store is Redis (grain state): its failure anywhere in an exception's chain means the change is not confirmed.</summary>
public sealed class RedisStoreFailures : IStoreFailures
{
    public bool IsStoreUnreachable(Exception exception)
    {
        for (var at = exception; at is not null; at = at.InnerException)
        {
            if (at is RedisException or RedisStorageException)
            {
                return true;
            }

            if (at is AggregateException aggregate && aggregate.InnerExceptions.Any(IsStoreUnreachable))
            {
                return true;
            }
        }

        return false;
    }
}
