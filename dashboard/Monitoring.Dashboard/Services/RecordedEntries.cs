using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Monitoring.Dashboard.Services;

/// <summary>
/// The observations charted through this host's dashboard, newest first, a bounded number per patient. The
/// patient grain does not list its observations, so this is what the retraction form offers (any id,
/// from a charting app too, can still be typed). In memory: a restart forgets the list, never the entries.
/// </summary>
public sealed class RecordedEntries(IOptions<DashboardOptions> options)
{
    private readonly ConcurrentDictionary<string, ImmutableList<RecordedEntry>> _entries = new(StringComparer.Ordinal);

    public void Add(RecordedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var kept = Math.Max(1, options.Value.RecordedEntriesKept);
        _entries.AddOrUpdate(
            entry.PatientId,
            _ => [entry],
            (_, list) =>
            {
                var longer = list.Insert(0, entry);
                return longer.Count > kept ? longer.RemoveRange(kept, longer.Count - kept) : longer;
            });
    }

    public IReadOnlyList<RecordedEntry> For(string patientId) =>
        _entries.TryGetValue(patientId, out var list) ? list : [];
}
