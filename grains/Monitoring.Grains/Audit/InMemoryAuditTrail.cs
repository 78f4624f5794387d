using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;

namespace Monitoring.Grains.Audit;

/// <summary>
/// The embedded default's audit trail: in this process's memory only, lost on restart (IsDurable false). Idempotent
/// as the PostgreSQL trail is: an entry whose key is already here is not added again; entries without a key always are.
/// </summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly Lock _gate = new();
    private readonly List<AuditEntry> _entries = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public bool IsDurable => false;

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (entry.Key is null || _keys.Add(entry.Key))
            {
                _entries.Add(entry);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(string? patientId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        List<AuditEntry> matching;
        lock (_gate)
        {
            matching = _entries
                .Where(e => patientId is null || string.Equals(e.PatientId, patientId, StringComparison.Ordinal))
                .Where(e => from is null || e.At >= from)
                .Where(e => to is null || e.At <= to)
                .ToList();
        }

        // Stable: entries with the same time keep the order they were appended in.
        IReadOnlyList<AuditEntry> ordered = [.. matching.OrderBy(e => e.At)];
        return Task.FromResult(ordered);
    }
}
