using Microsoft.Extensions.Logging;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;

namespace Monitoring.Grains.Audit;

/// <summary>
/// Audit appends that are never silently lost: an entry the trail refuses (PostgreSQL down, a timeout) goes into a
/// pending list that the grain persists with its state and retries, oldest first, on its next turn or retry timer,
/// before any newer entry. Order is kept: while an older entry is pending, a new one queues behind it. An entry whose
/// append reached the server but whose answer was lost is written again on retry: an audit line twice is preferred to
/// an audit line lost.
/// </summary>
internal static class AuditOutbox
{
    /// <summary>
    /// Writes the pending entries, then <paramref name="entry"/> (if any). Returns whether <paramref name="pending"/>
    /// changed: the caller then persists its state, so what is pending survives a crash and what was written is not
    /// written again.
    /// </summary>
    public static async Task<bool> AppendAsync(IAuditTrail trail, List<AuditEntry> pending, AuditEntry? entry, ILogger logger, string owner)
    {
        var changed = false;
        var written = 0;
        while (pending.Count > 0)
        {
            if (!await TryAppend(trail, pending[0], logger, owner, pending.Count))
            {
                break;
            }

            pending.RemoveAt(0);
            written++;
            changed = true;
        }

        if (written > 0)
        {
            logger.AuditPendingWritten(owner, written, pending.Count);
        }

        if (entry is not null && (pending.Count > 0 || !await TryAppend(trail, entry, logger, owner, pending.Count)))
        {
            pending.Add(entry);
            changed = true;
            logger.AuditKept(owner, entry.Action, entry.At, pending.Count);
        }

        return changed;
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
