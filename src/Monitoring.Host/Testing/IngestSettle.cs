using System.Diagnostics;
using Microsoft.Extensions.Options;
using Monitoring.Ingest.Broker;
using Monitoring.VirtualTime;

namespace Monitoring.Host.Testing;

/// <summary>
/// Before the virtual clock moves: every device message the embedded broker has accepted is taken by ingest and
/// applied by its grain, so it counts as received at the time it was sent (the clock stood still meanwhile). A
/// scenario runner publishes, waits for the broker's acknowledgement and then advances: without this, a message
/// still in the pipeline would be stamped with a later time and a fast runner would see false comms-loss alerts.
/// With an external broker the host cannot see that backlog, and the clock moves at once.
/// </summary>
public sealed class IngestSettle(IServiceProvider services, IOptions<VirtualClockOptions> options, ILogger<IngestSettle> logger)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(1);

    /// <summary>The backlog is usually gone within a fraction of a millisecond: look again at once for this long first.</summary>
    private static readonly TimeSpan Eager = TimeSpan.FromMilliseconds(5);

    public async Task WaitAsync()
    {
        if (services.GetService<EmbeddedBroker>() is not { } broker)
        {
            return;
        }

        var waited = Stopwatch.StartNew();
        while (broker.IngestBacklog > 0)
        {
            if (waited.Elapsed > options.Value.SettleTimeout)
            {
                logger.IngestNotSettled(broker.IngestBacklog, options.Value.SettleTimeout);
                return;
            }

            if (waited.Elapsed < Eager)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(Poll);
            }
        }
    }
}
