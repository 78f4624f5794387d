using MQTTnet;
using MQTTnet.Protocol;

namespace Monitoring.Testing;

/// <summary>Publishing as the contract's devices do: QoS 1, so the broker answers each message with a PUBACK.</summary>
public static class QosOnePublish
{
    /// <summary>Publishes <paramref name="payload"/> at QoS 1 and answers the broker's PUBACK (a refusal is the caller's to judge).</summary>
    public static async Task<MqttClientPublishResult> PublishQosOneAsync(this IMqttClient client, string topic, byte[] payload, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(client);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using var timeout = new CancellationTokenSource(within);
        return await client.PublishAsync(message, timeout.Token);
    }

    /// <summary>Publishes at QoS 1 and insists the broker accepted it; a refusal throws, naming <paramref name="who"/>.</summary>
    public static async Task PublishAcceptedAsync(this IMqttClient client, string who, string topic, byte[] payload, TimeSpan within)
    {
        var result = await client.PublishQosOneAsync(topic, payload, within);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{who}: publish to {topic} refused: {result.ReasonCode} {result.ReasonString}");
        }
    }
}
