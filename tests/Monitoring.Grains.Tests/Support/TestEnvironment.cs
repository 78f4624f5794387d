using Microsoft.Extensions.Time.Testing;
using Monitoring.Grains.Configuration;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Grains.Tests.Support;

/// <summary>
/// What the in-process silo and the tests share: the fake clock, the recording fakes and the ward registry
/// (seed parameters; one advisory ward; one ward whose seed file lists devices).
/// </summary>
public static class TestEnvironment
{
    public const string Ward = "ward-a";
    public const string AdvisoryWard = "ward-advisory";
    public const string SeededWard = "ward-seeded";
    public const string SeededPump = "seeded-pump-1";

    public static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock { get; } = new(Start);

    public static RecordingPumpCommandSender Commands { get; } = new();

    public static RecordingOutboundNotifier Outbound { get; } = new();

    public static FlakyAuditTrail Audit { get; } = new();

    public static GrainStoreOutage StoreOutage { get; } = new();

    public static string ProtocolJson { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "ketamine-protocol.json"));

    public static ProtocolParameters Parameters { get; } = ProtocolParametersLoader.Parse(ProtocolJson);

    public static WardRegistry Registry { get; } = new(Parameters,
    [
        new WardSettings(AdvisoryWard, "Advisory ward", ["A1", "A2"], [],
            ProtocolParametersLoader.ParseWithWardOverrides(ProtocolJson, """{ "ward": { "enforcingMode": false } }""")),
        new WardSettings(SeededWard, "Seeded ward", ["S1"], [new WardDevice(SeededPump, DeviceType.Pump)], Parameters),
    ]);
}
