using System.Collections.Concurrent;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;
using Monitoring.Grains.Audit;

namespace Monitoring.Grains.Tests.Support;

/// <summary>
/// The tests' audit trail: in memory, but refusing every append for the patients (or, for ward entries, the wards) a
/// test names, as PostgreSQL unreachable would, until the test heals it. Refusals carry <see cref="Marker"/> so the fixture does not count
/// the grains' logged errors about them as failures.
/// </summary>
public sealed class FlakyAuditTrail : IAuditTrail
{
    public const string Marker = "(injected audit failure)";

    private readonly InMemoryAuditTrail _inner = new();
    private readonly ConcurrentDictionary<string, int> _failing = new(StringComparer.Ordinal);
    private int _refused;

    public bool IsDurable => false;

    /// <summary>Appends refused so far (all patients).</summary>
    public int Refused => _refused;

    /// <param name="id">A patient id, or a ward id for the ward's own entries (those without a patient).</param>
    public void FailFor(string id) => _failing[id] = 0;

    public void Heal(string id) => _failing.TryRemove(id, out _);

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if ((entry.PatientId ?? entry.WardId) is { } id && _failing.ContainsKey(id))
        {
            Interlocked.Increment(ref _refused);
            throw new TimeoutException($"audit store unreachable {Marker}");
        }

        return _inner.AppendAsync(entry, cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(string? patientId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default) =>
        _inner.QueryAsync(patientId, from, to, cancellationToken);
}
