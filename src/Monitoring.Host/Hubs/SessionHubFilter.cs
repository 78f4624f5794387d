using Microsoft.AspNetCore.SignalR;
using Monitoring.Host.Auth;

namespace Monitoring.Host.Hubs;

/// <summary>
/// A hub connection outlives the request that opened it: every call, and the connection itself, needs a session that
/// is still valid (<see cref="SessionValidator"/>). After a sign-out, a revocation or a role change a call is refused
/// and the connection closed, so it neither acts nor keeps receiving the ward's pushes.
/// </summary>
public sealed class SessionHubFilter(SessionValidator validator) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        await Require(invocationContext.Context);
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await Require(context.Context);
        await next(context);
    }

    private async Task Require(HubCallerContext caller)
    {
        if (caller.User is not { } user || !await validator.IsValid(user))
        {
            caller.Abort();
            throw new HubException("your session has ended (signed out, expired or changed): sign in again");
        }
    }
}
