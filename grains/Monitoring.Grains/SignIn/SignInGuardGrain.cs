using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Grains;
using Monitoring.Grains.Options;

namespace Monitoring.Grains.SignIn;

/// <summary>
/// Failed sign-ins of one user name (key): after too many within the lockout window the account is locked for
/// that long, on every host (one grain per user). In memory: a silo restart forgets failures, never a password.
/// </summary>
public sealed class SignInGuardGrain(TimeProvider time, IOptions<SignInGuardOptions> options, ILogger<SignInGuardGrain> logger) : Grain, ISignInGuardGrain
{
    private readonly List<DateTimeOffset> _failures = [];
    private DateTimeOffset? _lockedUntil;

    public Task<DateTimeOffset?> LockedUntil()
    {
        var now = time.GetUtcNow();
        if (_lockedUntil is { } until && until <= now)
        {
            _lockedUntil = null;
        }

        return Task.FromResult(_lockedUntil);
    }

    public Task RecordFailure()
    {
        var now = time.GetUtcNow();
        var window = options.Value.LockoutFor;
        _failures.RemoveAll(at => now - at >= window);
        _failures.Add(now);
        if (_failures.Count >= options.Value.MaxFailures)
        {
            _lockedUntil = now + window;
            _failures.Clear();
            logger.LogWarning("Sign-in locked for user {UserName} until {LockedUntil}", this.GetPrimaryKeyString(), _lockedUntil);
        }

        return Task.CompletedTask;
    }

    public Task RecordSuccess()
    {
        _failures.Clear();
        return Task.CompletedTask;
    }
}
