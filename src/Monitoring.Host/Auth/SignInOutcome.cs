namespace Monitoring.Host.Auth;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Wrong user name or password.</summary>
    Failed,

    /// <summary>Too many failures: locked for a while, even with the right password.</summary>
    Locked,
}
