namespace Monitoring.Contracts.Grains;

/// <summary>
/// One signed-in session (key: the random session id its cookie carries), on every host: a sign-out revokes it
/// everywhere, so a replayed cookie stops working, and it ends at an absolute time however active it is.
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>A new session of <paramref name="username"/>, open until <paramref name="absoluteExpiry"/>.</summary>
    Task Open(string username, DateTimeOffset absoluteExpiry);

    /// <summary>Whether the session is open: opened, not revoked, not past its absolute expiry.</summary>
    Task<bool> IsOpen(DateTimeOffset now);

    /// <summary>Sign-out (or an administrator): the session ends on every host at once.</summary>
    Task Revoke();
}
