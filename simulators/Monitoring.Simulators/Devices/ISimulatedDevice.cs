namespace Monitoring.Simulators.Devices;

/// <summary>A device that publishes on its own schedule and may take commands over MQTT.</summary>
public interface ISimulatedDevice
{
    string DeviceId { get; }

    /// <summary>The topic the device reads commands from; null for a device that takes none.</summary>
    string? CommandTopic { get; }

    /// <summary>Publishes whatever is due at the device's clock now (a periodic report, a change).</summary>
    Task TickAsync(CancellationToken cancellationToken);

    /// <summary>A message arrived on <see cref="CommandTopic"/>.</summary>
    Task OnCommandAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
