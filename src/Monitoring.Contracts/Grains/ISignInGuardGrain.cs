namespace Monitoring.Contracts.Grains;

/// <summary>
/// Sign-in attempts per user name (key, lower case), on every host: repeated failures lock the name for a while, per
/// source and, past a higher count, from every source.
/// </summary>
public interface ISignInGuardGrain : IGrainWithStringKey
{
    /// <summary>
    /// An attempt from <paramref name="source"/> (the client address) begins: null when it may go on (it is counted as a
    /// failure until <see cref="Succeeded"/>), otherwise until when the name is locked for that source.
    /// </summary>
    Task<DateTimeOffset?> Begin(string source);

    /// <summary>The attempt from <paramref name="source"/> had the right password: its failures are forgotten.</summary>
    Task Succeeded(string source);

    /// <summary>An operator lifts every lockout of the name; true when one was in force.</summary>
    Task<bool> Unlock();

    /// <summary>Until when the name is locked for attempts that name no source; null when it is not.</summary>
    Task<DateTimeOffset?> LockedUntil();

    /// <summary>A failure that names no source.</summary>
    Task RecordFailure();

    /// <summary>A success that names no source.</summary>
    Task RecordSuccess();
}
