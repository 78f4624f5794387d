using Monitoring.Contracts.Views;

namespace Monitoring.Contracts.Grains;

/// <summary>Batches ward pushes and fans them out to every silo's observer (dotnet/orleans GPSTracker's pattern).</summary>
public interface IPushNotifierGrain : IGrainWithIntegerKey
{
    Task Push(WardPush push);
}
