using System.Collections.Concurrent;

namespace Monitoring.Archive.Tests.Support;

/// <summary>An archive server in memory: records batches; can be made to fail or to refuse.</summary>
internal sealed class FakeArchiveClient : IArchiveClient
{
    public ConcurrentQueue<IReadOnlyList<ArchivePoint>> Batches { get; } = new();

    public volatile bool Down;

    public volatile bool RefuseNext;

    public int Attempts;

    /// <summary>While set, writes wait for it (a slow server).</summary>
    public volatile TaskCompletionSource? Hold;

    public IEnumerable<ArchivePoint> Points => Batches.SelectMany(b => b);

    public async Task WriteAsync(IReadOnlyList<ArchivePoint> points, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Attempts);
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        if (Down)
        {
            throw new HttpRequestException("Connection refused (fake)");
        }

        if (RefuseNext)
        {
            RefuseNext = false;
            throw new ArchiveWriteRejectedException("HTTP 400 (fake)");
        }

        Batches.Enqueue([.. points]);
    }
}
