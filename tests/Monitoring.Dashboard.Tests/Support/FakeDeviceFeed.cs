using Monitoring.Dashboard.Services;

namespace Monitoring.Dashboard.Tests.Support;

/// <summary>A device feed the test moves by hand; raises <see cref="Changed"/> from a thread of its own, as ingest does.</summary>
public sealed class FakeDeviceFeed : IDeviceFeedStatus
{
    private DeviceFeedState _current = new(DeviceFeedCondition.Live, Make.Now.AddMinutes(-10), TimeSpan.FromMinutes(10), null);

    public DeviceFeedState Current => Volatile.Read(ref _current);

    public event Action? Changed;

    public int Subscribers => Changed?.GetInvocationList().Length ?? 0;

    public void Set(DeviceFeedState state)
    {
        Volatile.Write(ref _current, state);
        Task.Run(() => Changed?.Invoke()).Wait();
    }
}
