using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Tests;

/// <summary>Captures what devices publish, in order, instead of a broker.</summary>
internal sealed class RecordingPublisher : IMessagePublisher
{
    private readonly ConcurrentQueue<PublishedMessage> _messages = new();

    public bool Accept { get; set; } = true;

    public IReadOnlyList<PublishedMessage> Messages => [.. _messages];

    public IReadOnlyList<JsonObject> On(string topic) => [.. Messages.Where(m => m.Topic == topic).Select(m => m.Json)];

    public Task<bool> PublishAsync(string sourceId, string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (Accept)
        {
            _messages.Enqueue(new PublishedMessage(sourceId, topic, payload));
        }

        return Task.FromResult(Accept);
    }

    public void Clear() => _messages.Clear();
}
