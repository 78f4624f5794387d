using Monitoring.Contracts.Views;

namespace Monitoring.Contracts.Services;

/// <summary>The append-only audit trail: in memory in the embedded default (not durable), PostgreSQL in production.</summary>
public interface IAuditTrail
{
    bool IsDurable { get; }

    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(string? patientId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default);
}
