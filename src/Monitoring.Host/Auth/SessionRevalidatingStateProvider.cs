using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Monitoring.Host.Auth;

/// <summary>
/// A dashboard circuit outlives the request that opened it: every minute it asks whether its session is still valid
/// (<see cref="SessionValidator"/>); when not, the circuit's user becomes anonymous and its pages ask for a sign-in.
/// </summary>
public sealed class SessionRevalidatingStateProvider(ILoggerFactory loggers, SessionValidator validator)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        validator.IsValid(authenticationState.User);
}
