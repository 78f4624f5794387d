namespace Monitoring.Host.Auth;

/// <summary>What a sign-in came to: the user, or why not (and until when a locked account stays locked).</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, ConfiguredUser? User = null, DateTimeOffset? LockedUntil = null, int RetryAfterSeconds = 0);
