namespace Monitoring.Grains.Options;

/// <summary>Account lockout after repeated failed sign-ins.</summary>
public sealed class SignInGuardOptions
{
    /// <summary>Failures within <see cref="LockoutFor"/> that lock the account.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a lockout lasts, and how long a failure counts towards one.</summary>
    public TimeSpan LockoutFor { get; set; } = TimeSpan.FromMinutes(5);
}
