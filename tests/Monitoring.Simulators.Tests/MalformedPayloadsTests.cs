using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios.Steps;

namespace Monitoring.Simulators.Tests;

public sealed class MalformedPayloadsTests
{
    private readonly SimulatedPump _pump = new(new PumpSettings { PumpId = "pump-1", ConcentrationMgPerMl = 1, RateStepMlPerHour = 0.1m }, new RecordingPublisher(), new FakeTimeProvider());
    private readonly SimulatedMonitor _monitor = new(new MonitorSettings { MonitorId = "mon-1" }, new RecordingPublisher(), new FakeTimeProvider());

    [Fact]
    public void Bad_json_does_not_parse()
    {
        var payload = MalformedPayloads.Build(MalformedKinds.BadJson, _pump.CurrentStatus(1));
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(payload));
    }

    [Fact]
    public void Each_other_kind_breaks_exactly_what_it_says()
    {
        JsonObject Build(string kind, object valid) => JsonNode.Parse(MalformedPayloads.Build(kind, valid))!.AsObject();

        Assert.Equal("one", (string?)Build(MalformedKinds.WrongTypes, _pump.CurrentStatus(1))["schemaVersion"]);
        Assert.Equal(MalformedPayloads.UnknownSchemaVersion, (int)Build(MalformedKinds.UnknownSchema, _monitor.Sample(1))["schemaVersion"]!);
        Assert.True((decimal)Build(MalformedKinds.ImpossibleValue, _pump.CurrentStatus(1))["rateMlPerHour"]! < 0);
        Assert.True((int)Build(MalformedKinds.ImpossibleValue, _monitor.Sample(1))["spo2"]! > 100);
        Assert.Equal("NaN", (string?)Build(MalformedKinds.NonFinite, _monitor.Sample(1))["heartRate"]);
        var kept = Build(MalformedKinds.ImpossibleValue, _pump.CurrentStatus(9));
        Assert.Equal((_pump.BootId, 9L), ((string?)kept["bootId"], (long)kept["seq"]!));
    }

    [Fact]
    public void The_bad_json_is_still_text()
    {
        var payload = MalformedPayloads.Build(MalformedKinds.BadJson, _monitor.Sample(1));
        Assert.StartsWith("{", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
    }
}
