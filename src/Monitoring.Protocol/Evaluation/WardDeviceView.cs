using Monitoring.Protocol.Model;

namespace Monitoring.Protocol.Evaluation;

public enum DeviceType
{
    Pump,
    Monitor,
}

/// <summary>One device of a ward's inventory as the ward sees it.</summary>
/// <param name="LastPumpState">A pump's last reported state; null for monitors and silent pumps.</param>
public sealed record WardDeviceView(string DeviceId, DeviceType Type, string? PatientId, PumpState? LastPumpState, DateTimeOffset? LastMessageAt)
{
    public bool IsAssociated => PatientId is not null;
}
