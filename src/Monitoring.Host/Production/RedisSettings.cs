using System.Net;
using Monitoring.Host.Options;
using StackExchange.Redis;

namespace Monitoring.Host.Production;

/// <summary>
/// The Redis of ConnectionStrings:Redis (StackExchange.Redis syntax, e.g. <c>redis:6379,password=...</c>), parsed once
/// at start. It holds the password: it comes from configuration or the environment only and is never logged.
/// </summary>
public sealed class RedisSettings
{
    public const string ConnectionStringName = "Redis";

    private readonly string _connectionString;

    private RedisSettings(string connectionString)
    {
        _connectionString = connectionString;
    }

    /// <summary>Where the connection goes, without the password (for logs and health).</summary>
    public string Endpoints => string.Join(",", Options().EndPoints.Select(e => e switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => e.ToString(),
    }));

    /// <exception cref="StartupRefusedException">ConnectionStrings:Redis is missing or malformed.</exception>
    public static RedisSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupRefusedException(
                "Storage:Provider=Redis needs ConnectionStrings:Redis (environment ConnectionStrings__Redis), e.g. redis:6379,password=...");
        }

        var settings = new RedisSettings(connectionString);
        try
        {
            if (settings.Options().EndPoints.Count == 0)
            {
                throw new StartupRefusedException("ConnectionStrings:Redis names no endpoint (host:port)");
            }
        }
        catch (ArgumentException ex)
        {
            // The parser's message may quote the string (and its password): name the key only.
            throw new StartupRefusedException("ConnectionStrings:Redis is not a valid StackExchange.Redis connection string", ex);
        }

        return settings;
    }

    /// <summary>
    /// A fresh copy for each client (Orleans' providers keep their own). A Redis that is down at start does not stop
    /// the connection from being made: it connects when Redis answers.
    /// </summary>
    public ConfigurationOptions Options()
    {
        var options = ConfigurationOptions.Parse(_connectionString);
        options.AbortOnConnectFail = false;
        return options;
    }
}
