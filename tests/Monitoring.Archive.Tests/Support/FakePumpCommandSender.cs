using Monitoring.Contracts.Services;
using Monitoring.Protocol.Model;

namespace Monitoring.Archive.Tests.Support;

/// <summary>Ingest's command sender stand-in: succeeds, or fails as a broker that is down would.</summary>
internal sealed class FakePumpCommandSender(bool fail) : IPumpCommandSender
{
    public Task SendAsync(PumpCommand command, string patientId, CancellationToken cancellationToken = default) =>
        fail ? throw new InvalidOperationException("broker down") : Task.CompletedTask;
}
