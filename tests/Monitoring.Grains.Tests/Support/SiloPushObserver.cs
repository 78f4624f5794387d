using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;

namespace Monitoring.Grains.Tests.Support;

/// <summary>A test stand-in for the host's per-silo observer: records what it is given, or fails when its silo is told to.</summary>
public sealed class SiloPushObserver(SiloAddress silo) : IWardPushObserver
{
    public Task Deliver(IReadOnlyList<WardPush> batch)
    {
        if (Equals(PushRecorder.FailingSilo, silo))
        {
            PushRecorder.CountFailure();
            throw new InvalidOperationException($"the hub of silo {silo} is gone");
        }

        PushRecorder.RecordAnywhere(batch);
        if (Equals(PushRecorder.RecordingSilo, silo))
        {
            PushRecorder.Record(batch);
        }

        return Task.CompletedTask;
    }
}
