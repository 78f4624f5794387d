using InfluxDB.Client;
using InfluxDB.Client.Core.Exceptions;
using Microsoft.Extensions.Options;

namespace Monitoring.Archive;

/// <summary>
/// InfluxDB.Client's asynchronous write API (POST /api/v2/write, line protocol, token authentication). One
/// request per batch; no batching or retrying of the client's own (the <see cref="ArchiveWriter"/> does that).
/// </summary>
public sealed class InfluxArchiveClient : IArchiveClient, IDisposable
{
    private readonly InfluxDBClient _client;
    private readonly string _bucket;
    private readonly string _org;

    public InfluxArchiveClient(IOptions<ArchiveOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _bucket = value.Bucket ?? "";
        _org = value.Org ?? "";
        _client = new InfluxDBClient(new InfluxDBClientOptions(value.Url)
        {
            Token = value.Token,
            Org = _org,
            Bucket = _bucket,
            Timeout = value.WriteTimeout,
        });
    }

    public async Task WriteAsync(IReadOnlyList<ArchivePoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        var data = points.Select(ArchivePointConverter.ToPointData).ToList();
        try
        {
            await _client.GetWriteApiAsync().WritePointsAsync(data, _bucket, _org, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpException ex) when (ex.Status is 400 or 413 or 422)
        {
            throw new ArchiveWriteRejectedException($"the archive refused {points.Count} points (HTTP {ex.Status}): {ex.Message}", ex);
        }
    }

    public void Dispose() => _client.Dispose();
}
