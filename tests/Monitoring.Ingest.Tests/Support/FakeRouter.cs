using System.Collections.Concurrent;
using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Pipeline;

namespace Monitoring.Ingest.Tests.Support;

/// <summary>
/// Stands in for the grains. Records what reached it, in order, on a timeline the tests share with the broker's
/// acknowledgement events; a device can be given a behaviour (block, fail, answer UnknownDevice).
/// </summary>
internal sealed class FakeRouter : IMessageRouter
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public ConcurrentQueue<DeviceMessage> Routed { get; } = new();

    public ConcurrentQueue<ObservationMessage> Observations { get; } = new();

    public ConcurrentQueue<(string DeviceId, string Reason)> Refusals { get; } = new();

    /// <summary>"returned {deviceId} {seq}" when a route call returns; tests add "acked ..." lines beside them.</summary>
    public ConcurrentQueue<string> Timeline { get; } = new();

    /// <summary>Per device: runs before the call returns; may wait, throw, or choose the outcome.</summary>
    public ConcurrentDictionary<string, Func<DeviceMessage, int, Task<ApplyOutcome>>> Behaviours { get; } = new();

    public Func<string, Task<bool>>? OnRefused { get; set; }

    public ApplyOutcome ObservationOutcome { get; set; } = ApplyOutcome.Applied;

    public int Attempts(string deviceId) => _attempts.GetValueOrDefault(deviceId);

    public IReadOnlyList<long> SeqsOf(string deviceId) => Routed.Where(m => m.Meta.DeviceId == deviceId).Select(m => m.Meta.Seq).ToList();

    public async Task<ApplyOutcome> RouteAsync(DeviceMessage message, CancellationToken cancellationToken)
    {
        var attempt = _attempts.AddOrUpdate(message.Meta.DeviceId, 1, (_, n) => n + 1);
        var outcome = Behaviours.TryGetValue(message.Meta.DeviceId, out var behaviour)
            ? await behaviour(message, attempt)
            : ApplyOutcome.Applied;
        Routed.Enqueue(message);
        Timeline.Enqueue($"returned {message.Meta.DeviceId} {message.Meta.Seq}");
        return outcome;
    }

    public Task<ApplyOutcome> RecordObservationAsync(ObservationMessage message, CancellationToken cancellationToken)
    {
        Observations.Enqueue(message);
        return Task.FromResult(ObservationOutcome);
    }

    public async Task<bool> RefusedAsync(string deviceId, string reason, CancellationToken cancellationToken)
    {
        var known = OnRefused is null || await OnRefused(deviceId);
        Refusals.Enqueue((deviceId, reason));
        Timeline.Enqueue($"refused {deviceId}");
        return known;
    }
}
