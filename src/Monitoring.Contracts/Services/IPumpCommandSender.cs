using Monitoring.Protocol.Model;

namespace Monitoring.Contracts.Services;

/// <summary>Sends a command the protocol decided to the pump's cmd topic (implemented by ingest).</summary>
public interface IPumpCommandSender
{
    Task SendAsync(PumpCommand command, string patientId, CancellationToken cancellationToken = default);
}
