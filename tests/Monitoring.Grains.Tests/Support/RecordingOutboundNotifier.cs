using System.Collections.Concurrent;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;

namespace Monitoring.Grains.Tests.Support;

/// <summary>Stands in for the webhook and monitoring/escalations: records every alert sent to the outbound route.</summary>
public sealed class RecordingOutboundNotifier : IOutboundNotifier
{
    private readonly ConcurrentQueue<AlertView> _sent = new();

    public Task NotifyAsync(AlertView alert, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(alert);
        return Task.CompletedTask;
    }

    public IReadOnlyList<AlertView> ForPatient(string patientId) => [.. _sent.Where(a => a.PatientId == patientId)];

    public IReadOnlyList<AlertView> ForWard(string wardId) => [.. _sent.Where(a => a.WardId == wardId && a.PatientId is null)];
}
