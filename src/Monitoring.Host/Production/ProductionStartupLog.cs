using Microsoft.Extensions.Options;
using Monitoring.Archive;
using Monitoring.Audit.Postgres;
using Monitoring.Host.Options;

namespace Monitoring.Host.Production;

/// <summary>Says at start which durable stores this host uses (never a password or token).</summary>
public sealed class ProductionStartupLog(IServiceProvider services, IOptions<StorageOptions> storage, ILogger<ProductionStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<RedisSettings>() is { } redis)
        {
            logger.StateInRedis(storage.Value.Provider.ToString(), redis.Endpoints);
        }

        if (services.GetService<KeyEncryptionCertificates>() is { } certificates)
        {
            logger.KeysEncrypted(certificates.Current.Thumbprint, certificates.Previous.Count);
        }
        else if (services.GetService<RedisSettings>() is not null)
        {
            logger.KeysNotEncrypted();
        }

        if (services.GetService<PostgresAuditTrail>() is not null)
        {
            logger.AuditInPostgres(services.GetRequiredService<IOptions<PostgresAuditOptions>>().Value.Schema);
        }

        if (services.GetService<IOptions<ArchiveOptions>>()?.Value is { Url: { Length: > 0 } url } archive && services.GetService<IArchiveSink>() is not null)
        {
            logger.ArchiveToInflux(url, archive.Bucket ?? "");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
