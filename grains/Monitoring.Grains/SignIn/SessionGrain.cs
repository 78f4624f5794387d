using Microsoft.Extensions.Logging;
using Monitoring.Contracts.Grains;

namespace Monitoring.Grains.SignIn;

/// <summary>
/// A server-side session (<see cref="ISessionGrain"/>). Persisted, so a host restart or another host keeps it; a
/// revoked or expired session stays ended.
/// </summary>
public sealed class SessionGrain(
    [PersistentState("session", "sessions")] IPersistentState<SessionGrainState> store,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private SessionGrainState S => store.State;

    public async Task Open(string username, DateTimeOffset absoluteExpiry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        if (S.Username is not null)
        {
            // Session ids are random: a second open of one id is a bug or a forgery, never a fresh sign-in.
            throw new InvalidOperationException($"session {ShortId} was already opened");
        }

        store.State = new SessionGrainState { Username = username, AbsoluteExpiry = absoluteExpiry };
        await store.WriteStateAsync();
    }

    public Task<bool> IsOpen(DateTimeOffset now) => Task.FromResult(S.Username is not null && !S.Revoked && now < S.AbsoluteExpiry);

    public async Task Revoke()
    {
        if (S.Revoked || S.Username is null)
        {
            return;
        }

        S.Revoked = true;
        await store.WriteStateAsync();
        logger.SessionEnded(ShortId, S.Username, "revoked");
        DeactivateOnIdle();
    }

    // The id is a bearer secret: logs carry its first characters only.
    private string ShortId => this.GetPrimaryKeyString()[..Math.Min(8, this.GetPrimaryKeyString().Length)];
}
