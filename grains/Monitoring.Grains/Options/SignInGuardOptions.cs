namespace Monitoring.Grains.Options;

/// <summary>Account lockout after repeated failed sign-ins.</summary>
public sealed class SignInGuardOptions
{
    /// <summary>Failures from one source (client address) within <see cref="LockoutFor"/> that lock the account for that source.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>Failures from all sources together within <see cref="LockoutFor"/> that lock the account everywhere.</summary>
    public int MaxFailuresAllSources { get; set; } = 25;

    /// <summary>How long a lockout lasts, and how long a failure counts towards one.</summary>
    public TimeSpan LockoutFor { get; set; } = TimeSpan.FromMinutes(5);
}
