using Monitoring.Simulators.Devices;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Simulators.Scenarios;

/// <summary>The vital-sign keys shared by a monitor's baseline and a `vitals` step.</summary>
internal static class VitalsReader
{
    public static VitalsProfile Read(YamlMap map) => new()
    {
        HeartRate = map.Decimal("heartRate"),
        Spo2 = map.Decimal("spo2"),
        RespRate = map.Decimal("respRate"),
        Systolic = map.Decimal("systolic"),
        Diastolic = map.Decimal("diastolic"),
        Temperature = map.Decimal("temperature"),
        Rhythm = map.OneOf("rhythm", ContractValues.Rhythms),
    };
}
