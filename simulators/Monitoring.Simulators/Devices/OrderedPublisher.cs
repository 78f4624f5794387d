using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Devices;

/// <summary>
/// Publishes one device's messages in the order they were taken (seq order), each after the one before it has
/// gone out or failed, and counts those the broker accepted.
/// </summary>
internal sealed class OrderedPublisher(IMessagePublisher publisher, string deviceId)
{
    private Task _tail = Task.CompletedTask;
    private long _published;

    public long Published => Interlocked.Read(ref _published);

    /// <summary>Queues a message behind the earlier ones; call under the device's lock, right after taking its seq.</summary>
    public Task Enqueue(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        _tail = PublishAfterAsync(_tail, topic, payload, cancellationToken);
        return _tail;
    }

    private async Task PublishAfterAsync(Task previous, string topic, byte[] payload, CancellationToken cancellationToken)
    {
        // The earlier publish's failure belongs to its own caller; this one still goes out in its turn.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (await publisher.PublishAsync(deviceId, topic, payload, cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _published);
        }
    }
}
