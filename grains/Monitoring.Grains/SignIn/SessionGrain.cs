using Microsoft.Extensions.Logging;
using Monitoring.Contracts.Grains;

namespace Monitoring.Grains.SignIn;

/// <summary>
/// A server-side session (<see cref="ISessionGrain"/>). Persisted, so a host restart or another host keeps it; a
/// revoked or expired session clears its stored sign-in and answers null for good.
/// </summary>
public sealed class SessionGrain(
    [PersistentState("session", "sessions")] IPersistentState<SessionGrainState> store,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private SessionGrainState S => store.State;

    public async Task Open(string username, byte[] ticket, DateTimeOffset absoluteExpiry, DateTimeOffset idleExpiry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentNullException.ThrowIfNull(ticket);
        if (S.Ticket is not null || S.Revoked)
        {
            // Session ids are random: a second open of one id is a bug or a forgery, never a fresh sign-in.
            throw new InvalidOperationException($"session {this.GetPrimaryKeyString()} was already opened");
        }

        store.State = new SessionGrainState
        {
            Username = username,
            Ticket = ticket,
            AbsoluteExpiry = absoluteExpiry,
            IdleExpiry = idleExpiry < absoluteExpiry ? idleExpiry : absoluteExpiry,
        };
        await store.WriteStateAsync();
    }

    public async Task<byte[]?> Read(DateTimeOffset now)
    {
        if (S.Revoked || S.Ticket is null)
        {
            return null;
        }

        if (now >= S.AbsoluteExpiry || now >= S.IdleExpiry)
        {
            await End("expired");
            return null;
        }

        return S.Ticket;
    }

    public async Task Renew(byte[] ticket, DateTimeOffset idleExpiry)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (S.Revoked || S.Ticket is null)
        {
            return;
        }

        S.Ticket = ticket;
        S.IdleExpiry = idleExpiry < S.AbsoluteExpiry ? idleExpiry : S.AbsoluteExpiry;
        await store.WriteStateAsync();
    }

    public Task Revoke() => S.Revoked ? Task.CompletedTask : End("revoked");

    private async Task End(string why)
    {
        logger.SessionEnded(this.GetPrimaryKeyString()[..8], S.Username, why);
        S.Revoked = true;
        S.Ticket = null;
        await store.WriteStateAsync();
        DeactivateOnIdle();
    }
}
