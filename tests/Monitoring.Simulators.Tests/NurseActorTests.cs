using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Tests;

public sealed class NurseActorTests
{
    private readonly RecordingPublisher _published = new();
    private readonly NurseActor _nurse;

    public NurseActorTests() =>
        _nurse = new NurseActor("charting-app", "nurse", new MqttObservationChannel(_published), new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Observations_go_to_the_patients_topic_with_unique_ids()
    {
        await _nurse.RecordPainAsync("p-1", 6, default);
        await _nurse.RecordSedationAsync("p-1", -2, default);
        await _nurse.RecordConsciousnessAsync("p-1", "V", default);

        var sent = _published.On(Topics.Observations("p-1"));
        Assert.Equal(["pain", "sedation", "consciousness"], sent.Select(o => (string?)o["kind"]));
        Assert.Equal(6, (int)sent[0]["value"]!);
        Assert.Equal(-2, (int)sent[1]["value"]!);
        Assert.Equal("V", (string?)sent[2]["value"]);
        Assert.Equal(3, sent.Select(o => (string?)o["observationId"]).Distinct().Count());
        Assert.All(sent, o => Assert.Equal(("charting-app", "nurse"), ((string?)o["sourceId"], (string?)o["recordedBy"])));
        Assert.Equal(3, _nurse.Sent);
    }

    [Fact]
    public async Task Hallucination_and_delirium_carry_no_value()
    {
        await _nurse.RecordHallucinationAsync("p-2", default);
        await _nurse.RecordAsync("p-2", ObservationKinds.Delirium, JsonValue.Create(1), default);

        Assert.All(_published.On(Topics.Observations("p-2")), o => Assert.False(o.ContainsKey("value")));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _nurse.RecordAsync("p-3", "mood", JsonValue.Create(3), default));
        Assert.Empty(_published.Messages);
    }
}
