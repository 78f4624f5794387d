using System.Collections.Concurrent;
using System.Diagnostics;
using MQTTnet;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// One device of a load run: sends its next message every <c>period</c>, as a real device would across a broker
/// outage: a message the broker has not acknowledged is kept and sent again, with the same seq, once the device is
/// connected again. Counts only what the broker acknowledged (QoS 1 PUBACK), by topic.
/// </summary>
public sealed class LoadDevice(MosquittoDevice device, Func<MosquittoDevice, (string Topic, Dictionary<string, object?> Payload)> next)
{
    public MosquittoDevice Device { get; } = device;

    /// <summary>Messages the broker acknowledged, by topic.</summary>
    public ConcurrentDictionary<string, int> Acknowledged { get; } = new(StringComparer.Ordinal);

    /// <summary>Payloads the broker acknowledged, in order (the test sums bolus doses from them).</summary>
    public ConcurrentQueue<(string Topic, Dictionary<string, object?> Payload)> Sent { get; } = new();

    public int Retries { get; private set; }

    public async Task RunAsync(TimeSpan period, CancellationToken stop)
    {
        (string Topic, Dictionary<string, object?> Payload)? pending = null;
        var ticker = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            pending ??= next(Device);
            MqttClientPublishResult result;
            try
            {
                result = await Device.Publish(pending.Value.Topic, pending.Value.Payload);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                // Not acknowledged (the broker is away): keep the message, reconnect, send it again.
                Retries++;
                await ReconnectAsync(stop);
                continue;
            }

            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"{Device.User}: the broker refused {pending.Value.Topic}: {result.ReasonCode}");
            }

            Acknowledged.AddOrUpdate(pending.Value.Topic, 1, (_, n) => n + 1);
            Sent.Enqueue(pending.Value);
            pending = null;

            var wait = period - TimeSpan.FromTicks(ticker.Elapsed.Ticks % period.Ticks);
            try
            {
                await Task.Delay(wait, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReconnectAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (Device.IsConnected)
            {
                // The publish failed on a connection the client still holds: wait for it to notice, or send again.
                await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
                if (Device.IsConnected)
                {
                    return;
                }
            }

            try
            {
                await Device.ConnectAsync();
                return;
            }
            catch (Exception ex) when (ex is MQTTnet.Adapter.MqttConnectingFailedException or MQTTnet.Exceptions.MqttCommunicationException
                or OperationCanceledException or InvalidOperationException)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
