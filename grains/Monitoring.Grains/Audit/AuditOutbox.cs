using Microsoft.Extensions.Logging;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;

namespace Monitoring.Grains.Audit;

/// <summary>
/// The grains' transactional outbox for audit entries. Every entry a turn makes goes into the grain state's pending
/// list before the state write that carries the change, so one write stores the change and its audit lines; only
/// after that write succeeds are the pending entries appended to the trail, oldest first, and those appended leave the
/// list in memory (their removal is stored with the grain's next write). An entry is therefore never lost: not when
/// the trail refuses it (it stays pending and is retried by the grain's timer, its durable wake-up, its next turn or
/// activation), not when the grain store fails after applying the write (the next activation finds it pending), not
/// when both are down (the write that would have kept it failed, so the change it audits was not stored either).
/// An entry can be appended more than once (appended, then the activation died before its removal was stored; or an
/// append whose answer was lost): each carries a key made once (<see cref="NewKey"/>), on which the trails are idempotent.
/// </summary>
internal static class AuditOutbox
{
    /// <summary>
    /// A key no other entry has, also after the grain's state went back to an earlier version (a store failover that
    /// lost recent writes): a counter in that state could then be used again for another entry, which the trail
    /// would drop as a repeat.
    /// </summary>
    public static string NewKey(string kind, string id) => $"{kind}/{id}/{Guid.CreateVersion7():N}";

    /// <summary>
    /// Appends the pending entries oldest first, stopping at the first the trail refuses (order is kept: a newer entry
    /// never overtakes an older one), and removes those appended from <paramref name="pending"/>. Returns how many were
    /// appended. <paramref name="retry"/>: these entries were refused before (timer, wake-up, activation), not just written.
    /// </summary>
    public static async Task<int> AppendPendingAsync(IAuditTrail trail, List<AuditEntry> pending, ILogger logger, string owner, bool retry)
    {
        var written = 0;
        while (written < pending.Count && await TryAppend(trail, pending[written], logger, owner, retry ? pending.Count : 0))
        {
            written++;
        }

        pending.RemoveRange(0, written);
        if (written > 0 && retry)
        {
            logger.AuditPendingWritten(owner, written, pending.Count);
        }

        if (pending.Count > 0 && !retry)
        {
            logger.AuditKept(owner, pending[0].Action, pending[0].At, pending.Count);
        }

        return written;
    }

    private static async Task<bool> TryAppend(IAuditTrail trail, AuditEntry entry, ILogger logger, string owner, int pending)
    {
        try
        {
            await trail.AppendAsync(entry);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (pending == 0)
            {
                logger.AuditAppendFailed(ex, owner, entry.Action);
            }
            else
            {
                logger.AuditRetryFailed(owner, pending, ex.Message);
            }

            return false;
        }
    }
}
