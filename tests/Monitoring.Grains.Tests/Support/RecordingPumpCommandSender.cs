using System.Collections.Concurrent;
using Monitoring.Contracts.Services;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Tests.Support;

/// <summary>Stands in for ingest's MQTT publisher: records every command the grains send.</summary>
public sealed class RecordingPumpCommandSender : IPumpCommandSender
{
    private readonly ConcurrentQueue<(PumpCommand Command, string PatientId)> _sent = new();

    public Task SendAsync(PumpCommand command, string patientId, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue((command, patientId));
        return Task.CompletedTask;
    }

    public IReadOnlyList<PumpCommand> For(string patientId) => [.. _sent.Where(s => s.PatientId == patientId).Select(s => s.Command)];
}
