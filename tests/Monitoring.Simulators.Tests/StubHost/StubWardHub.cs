using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Monitoring.Simulators.Tests.StubHost;

/// <summary>The contract's hub, as little as the runner needs: join a ward's group.</summary>
[Authorize]
public sealed class StubWardHub : Hub
{
    public Task JoinWard(string wardId) => Groups.AddToGroupAsync(Context.ConnectionId, wardId);
}
