namespace Monitoring.Contracts.Grains;

/// <summary>Failed sign-ins per user name (key): repeated failures lock the account for a while, on every host.</summary>
public interface ISignInGuardGrain : IGrainWithStringKey
{
    /// <summary>Until when the account is locked; null when it is not.</summary>
    Task<DateTimeOffset?> LockedUntil();

    Task RecordFailure();

    Task RecordSuccess();
}
