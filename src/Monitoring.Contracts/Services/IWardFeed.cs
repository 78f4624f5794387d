using Monitoring.Contracts.Views;

namespace Monitoring.Contracts.Services;

/// <summary>
/// The in-process push feed of this host: every push the silo's observer receives for a ward (patient
/// snapshots, raised, changed and escalated alerts), for views living in this process (the Blazor
/// dashboard) that do not go through /hubs/ward.
/// </summary>
public interface IWardFeed
{
    /// <summary>
    /// Delivers the ward's pushes to <paramref name="onPush"/>, one at a time and in order, until the
    /// returned handle is disposed (which unsubscribes). A slow handler delays only itself.
    /// </summary>
    IDisposable Subscribe(string wardId, Func<WardPush, Task> onPush);
}
