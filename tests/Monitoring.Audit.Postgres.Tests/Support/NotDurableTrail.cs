using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;

namespace Monitoring.Audit.Postgres.Tests.Support;

/// <summary>Stands for the in-memory trail the grains register when the host registers none.</summary>
internal sealed class NotDurableTrail : IAuditTrail
{
    public bool IsDurable => false;

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(string? patientId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([]);
}
