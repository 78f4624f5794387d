namespace Monitoring.Contracts.Services;

/// <summary>This host process's identity for <see cref="Messages.IngestOrigin"/>: new at every start, so a
/// timestamp is only ever compared with the clock that took it.</summary>
public sealed class HostInstance
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
