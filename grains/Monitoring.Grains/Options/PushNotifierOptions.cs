namespace Monitoring.Grains.Options;

/// <summary>Batching of ward pushes. Real time, not the clinical clock: a push must not wait for a virtual clock to move.</summary>
public sealed class PushNotifierOptions
{
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>A batch this large is sent at once instead of waiting for the interval.</summary>
    public int MaxBatch { get; set; } = 100;

    /// <summary>How long one observer may take a batch; a slower one is logged and left behind, so it cannot hold back the others.</summary>
    public TimeSpan DeliverTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the list of silo observers is reused before it is asked for again.</summary>
    public TimeSpan ObserverCacheFor { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a silo's observer registration holds without being renewed (the host renews every
    /// Push:ObserverRefreshSeconds): long enough to ride out a few missed renewals, short enough that a silo which
    /// vanished without being declared dead stops costing every flush a delivery timeout.
    /// </summary>
    public TimeSpan ObserverLease { get; set; } = TimeSpan.FromSeconds(30);
}
