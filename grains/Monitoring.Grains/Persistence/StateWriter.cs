using Microsoft.Extensions.Logging;
using Monitoring.Grains.Logging;

namespace Monitoring.Grains.Persistence;

/// <summary>
/// The one way a grain writes its persisted state. Grains change their memory first and then write; when the
/// store refuses the write (Redis unreachable, a conflicting ETag, a timeout), the memory holds a change that is
/// not stored. That memory is then thrown away: the activation is marked discarded (it writes nothing more, not
/// even on deactivation), it is deactivated, and the failure is rethrown so the caller sees it and retries. The
/// next call activates the grain afresh from what the store actually holds. One per activation.
/// </summary>
public sealed class StateWriter
{
    /// <summary>A write failed: this activation's memory is not what is stored and must not be written or acted on.</summary>
    public bool Discarded => _failure is not null;

    // Why the memory was discarded: a later call on this activation says so, not only that it was.
    private Exception? _failure;

    public async Task WriteAsync<TState>(IPersistentState<TState> store, IGrainBase grain, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(logger);
        if (Discarded)
        {
            throw new InvalidOperationException(
                $"{grain.GrainContext.GrainId}: this activation was discarded after a failed state write ({Describe(_failure!)}); its memory is not written",
                _failure);
        }

        try
        {
            await store.WriteStateAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            _failure = ex;
            GrainBaseExtensions.DeactivateOnIdle(grain);
            logger.StateNotWritten(ex, grain.GrainContext.GrainId.ToString());
            throw;
        }
    }

    /// <summary>The failure's messages, outermost first: Orleans wraps the store's own error.</summary>
    private static string Describe(Exception failure)
    {
        var messages = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" <- ", messages);
    }
}
