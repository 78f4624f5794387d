using System.Collections.Concurrent;
using Monitoring.Contracts.Views;

namespace Monitoring.Grains.Tests.Support;

/// <summary>What the silos' test observers received, shared with the tests (the silos run in this process).</summary>
public static class PushRecorder
{
    private static readonly ConcurrentQueue<WardPush> Received = new();
    private static readonly ConcurrentQueue<WardPush> ReceivedAnywhere = new();
    private static int _failedDeliveries;

    /// <summary>Every silo's observer gets every push (each serves its own clients): the tests read the primary's.</summary>
    public static SiloAddress? RecordingSilo { get; set; }

    /// <summary>When set, the observer of this silo throws instead of taking a batch.</summary>
    public static SiloAddress? FailingSilo { get; set; }

    public static int FailedDeliveries => _failedDeliveries;

    public static void Record(IReadOnlyList<WardPush> batch)
    {
        foreach (var push in batch)
        {
            Received.Enqueue(push);
        }
    }

    /// <summary>Every silo's observer records here too, whichever silo it serves.</summary>
    public static void RecordAnywhere(IReadOnlyList<WardPush> batch)
    {
        foreach (var push in batch)
        {
            ReceivedAnywhere.Enqueue(push);
        }
    }

    public static void CountFailure() => Interlocked.Increment(ref _failedDeliveries);

    public static IReadOnlyList<WardPush> ForWard(string wardId) => [.. Received.Where(p => p.WardId == wardId)];

    /// <summary>The pushes for the ward that reached any silo's observer.</summary>
    public static IReadOnlyList<WardPush> ForWardOnAnySilo(string wardId) => [.. ReceivedAnywhere.Where(p => p.WardId == wardId)];
}
