namespace Monitoring.Contracts.Grains;

/// <summary>
/// One signed-in session (key: the session id the cookie carries), on every host: the sign-in itself is kept here, not
/// in the cookie, so a sign-out revokes it everywhere, and it ends at an absolute time however active it is.
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>A new session for <paramref name="username"/>; <paramref name="ticket"/> is the serialized sign-in.</summary>
    Task Open(string username, byte[] ticket, DateTimeOffset absoluteExpiry, DateTimeOffset idleExpiry);

    /// <summary>The sign-in, or null when the session was revoked, never opened, or is past either expiry.</summary>
    Task<byte[]?> Read(DateTimeOffset now);

    /// <summary>Activity: the idle expiry moves on (never past the absolute one); a revoked or expired session stays so.</summary>
    Task Renew(byte[] ticket, DateTimeOffset idleExpiry);

    /// <summary>Sign-out (or an administrator): the session ends on every host at once.</summary>
    Task Revoke();
}
