using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Grains.Options;
using Monitoring.Grains.Logging;

namespace Monitoring.Grains.SignIn;

/// <summary>
/// Sign-in attempts of one user name (key), on every host (one grain per name). An attempt is counted when it begins
/// (<see cref="Begin"/>, one grain turn: race-free, so 40 parallel attempts get exactly MaxFailures guesses) and taken
/// back on success. Counted per source (the client address): MaxFailures from one source lock the name for that source
/// only, so a stranger cannot lock the charge nurse out of the ward's own terminals; MaxFailuresAllSources from all
/// sources together lock it everywhere (a guess spread over many addresses). An operator can unlock. In memory: a silo
/// restart forgets failures, never a password.
/// </summary>
public sealed class SignInGuardGrain(TimeProvider time, IOptions<SignInGuardOptions> options, ILogger<SignInGuardGrain> logger) : Grain, ISignInGuardGrain
{
    /// <summary>The source of the calls that name none (<see cref="RecordFailure"/>).</summary>
    private const string AnySource = "";

    private readonly Dictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lockedFor = new(StringComparer.Ordinal);
    private DateTimeOffset? _lockedEverywhere;

    private SignInGuardOptions O => options.Value;

    public Task<DateTimeOffset?> Begin(string source)
    {
        var now = Prune();
        if (Locked(source, now) is { } until)
        {
            return Task.FromResult<DateTimeOffset?>(until);
        }

        var mine = Failures(source);
        if (mine.Count >= O.MaxFailures)
        {
            _lockedFor[source] = now + O.LockoutFor;
            mine.Clear();
            logger.SignInLockedFromSource(source, _lockedFor[source]);
            return Task.FromResult<DateTimeOffset?>(_lockedFor[source]);
        }

        if (_failures.Values.Sum(f => f.Count) >= O.MaxFailuresAllSources)
        {
            _lockedEverywhere = now + O.LockoutFor;
            _failures.Clear();
            logger.SignInLockedEverywhere(_lockedEverywhere);
            return Task.FromResult(_lockedEverywhere);
        }

        // Counted now, before the password is checked: a parallel attempt sees it.
        mine.Add(now);
        return Task.FromResult<DateTimeOffset?>(null);
    }

    public Task Succeeded(string source)
    {
        _failures.Remove(source);
        return Task.CompletedTask;
    }

    public Task<bool> Unlock()
    {
        var wasLocked = _lockedEverywhere is not null || _lockedFor.Count > 0;
        _failures.Clear();
        _lockedFor.Clear();
        _lockedEverywhere = null;
        return Task.FromResult(wasLocked);
    }

    public Task<DateTimeOffset?> LockedUntil() => Task.FromResult(Locked(AnySource, Prune()));

    public Task RecordFailure()
    {
        var now = Prune();
        var any = Failures(AnySource);
        any.Add(now);
        if (any.Count >= O.MaxFailures)
        {
            _lockedFor[AnySource] = now + O.LockoutFor;
            any.Clear();
        }

        return Task.CompletedTask;
    }

    public Task RecordSuccess() => Succeeded(AnySource);

    private DateTimeOffset? Locked(string source, DateTimeOffset now)
    {
        if (_lockedEverywhere is { } everywhere && everywhere > now)
        {
            return everywhere;
        }

        return _lockedFor.TryGetValue(source, out var until) && until > now ? until : null;
    }

    private List<DateTimeOffset> Failures(string source)
    {
        if (!_failures.TryGetValue(source, out var list))
        {
            list = [];
            _failures[source] = list;
        }

        return list;
    }

    /// <summary>Forgets failures older than the window and lockouts that ended.</summary>
    private DateTimeOffset Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (source, list) in _failures.ToList())
        {
            list.RemoveAll(at => now - at >= O.LockoutFor);
            if (list.Count == 0)
            {
                _failures.Remove(source);
            }
        }

        foreach (var source in _lockedFor.Where(l => l.Value <= now).Select(l => l.Key).ToList())
        {
            _lockedFor.Remove(source);
        }

        if (_lockedEverywhere <= now)
        {
            _lockedEverywhere = null;
        }

        return now;
    }
}
