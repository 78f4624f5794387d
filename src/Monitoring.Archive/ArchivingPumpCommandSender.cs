using Monitoring.Contracts.Services;
using Monitoring.Protocol.Model;

namespace Monitoring.Archive;

/// <summary>
/// Decorates the product's <see cref="IPumpCommandSender"/>: after a command was handed to the broker, its
/// "issued" point goes to the archive (the send's outcome never depends on the archive). The answer (done,
/// rejected, expired) arrives in a later pump status; archive it with <see cref="ArchivePoints.Command"/> where
/// the answered command is known.
/// </summary>
public sealed class ArchivingPumpCommandSender(IPumpCommandSender inner, IArchiveSink sink) : IPumpCommandSender
{
    public async Task SendAsync(PumpCommand command, string patientId, CancellationToken cancellationToken = default)
    {
        await inner.SendAsync(command, patientId, cancellationToken).ConfigureAwait(false);
        sink.TryEnqueue(ArchivePoints.Command(command, patientId));
    }
}
