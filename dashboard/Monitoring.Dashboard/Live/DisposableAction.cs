namespace Monitoring.Dashboard.Live;

/// <summary>Runs an action once when disposed (an unsubscribe handle).</summary>
public sealed class DisposableAction(Action action) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            action();
        }
    }
}
