using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using Monitoring.BadInput.Tests.Support;
using Monitoring.EndToEnd.Tests.Support;
using Monitoring.Ingest.Topics;
using Xunit.Abstractions;

namespace Monitoring.BadInput.Tests;

/// <summary>
/// Issue 7, part 3, "good traffic unaffected": a control patient's valid messages (MQTT through the real ingest
/// pipeline and the embedded broker, and REST) interleaved with garbage on its own device topics, its observations
/// topic and its REST route. A twin patient gets the same valid messages and no garbage. The control must end
/// exactly as the twin does, but for DEVICE_DATA_INVALID, which garbage from its own devices must raise; ingest must
/// count every piece of garbage under the field at fault; REST must refuse each with the field ingest names.
/// </summary>
[Collection(HostCollection.Name)]
public class GoodTrafficTests(BadInputHost fixture, ITestOutputHelper output)
{
    private const string Control = "gt-control";
    private const string Twin = "gt-twin";

    // Odd pumps and even monitors: the REST fuzz only ever associates even pumps and odd monitors.
    private const string ControlPump = "pump-09";
    private const string ControlMonitor = "monitor-10";
    private const string TwinPump = "pump-11";
    private const string TwinMonitor = "monitor-12";
    private const string GhostPump = "gt-ghost-pump";
    private const int MqttGarbagePerMessage = 6;
    private const int RestGarbagePerMessage = 4;
    private const int GhostMessages = 10;
    private const string RefusedCounter = "monitoring.ingest.refused";

    [Fact]
    public async Task Garbage_among_a_patients_messages_changes_nothing_raises_device_data_invalid_and_is_counted_by_field()
    {
        await Ward.AdmitWithDevices(fixture.Charge, Control, "bed-09", ControlPump, ControlMonitor);
        await Ward.AdmitWithDevices(fixture.Charge, Twin, "bed-10", TwinPump, TwinMonitor);
        var messages = new GoodTraffic(Control, ControlPump, ControlMonitor).Mqtt().Count;
        var garbage = Gen.Select(MqttGarbage.Array[messages * MqttGarbagePerMessage], RestGarbage.Array[messages * RestGarbagePerMessage]);
        await garbage.SampleAsync(Run, iter: 1, threads: 1, print: g => $"MQTT garbage:\n{string.Join("\n", g.Item1.Select(c => c.ToString()))}\nREST garbage:\n{string.Join("\n", g.Item2.Select(c => c.ToString()))}");
        CapturedLog.Instance.AssertNoErrors();
    }

    /// <summary>Refused payloads for the control's pump, monitor and observations topic, each refused for one field.</summary>
    private static Gen<FuzzCase> MqttGarbage { get; } = Refused(Gen.Int[0, PayloadShapes.All.Count - 1].SelectMany(i =>
    {
        var shape = PayloadShapes.All[i];
        var id = shape.Topic switch
        {
            TopicKind.PumpStatus or TopicKind.PumpBolus => ControlPump,
            TopicKind.Vitals => ControlMonitor,
            _ => Control,
        };
        return ValidPayloads.Of(shape, Gen.Const(id));
    }));

    /// <summary>Refused observation bodies for the control's REST route (sourceId and recordedBy have REST defaults, so they are left alone).</summary>
    private static Gen<FuzzCase> RestGarbage { get; } = Refused(Gen.Int[0, PayloadShapes.All.Count - 1]
        .Where(i => PayloadShapes.All[i].Topic == TopicKind.Observations)
        .SelectMany(i => ValidPayloads.Of(PayloadShapes.All[i], Gen.Const(Control))))
        .Where(c => c.Expect.Fields[0] is not ("sourceId" or "recordedBy"));

    private static Gen<FuzzCase> Refused(Gen<PayloadDraft> drafts) =>
        Gen.OneOf(Mutations.FieldValueOf(drafts), Mutations.FieldRemovalOf(drafts), Mutations.StructureOf(drafts), Mutations.BytesOf(drafts))
            .Where(c => c.Expect.Verdict == Verdict.Refused && c.Expect.Fields.Count == 1);

    private async Task Run(FuzzCase[] mqttGarbage, FuzzCase[] restGarbage)
    {
        var host = fixture.Host;
        using var counters = new IngestCounters(host);
        await using var publisher = await RawPublisher.Connect(host.Factory.MqttPort);
        var control = new GoodTraffic(Control, ControlPump, ControlMonitor).Mqtt();
        var twin = new GoodTraffic(Twin, TwinPump, TwinMonitor).Mqtt();
        var rest = GoodTraffic.Rest();
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < control.Count; i++)
        {
            foreach (var bad in mqttGarbage.Skip(i * MqttGarbagePerMessage).Take(MqttGarbagePerMessage))
            {
                await publisher.Publish(PayloadShapes.Named(bad.Shape).TopicFor(bad.Route.Id), bad.Payload);
                expected[bad.Expect.Fields[0]] = expected.GetValueOrDefault(bad.Expect.Fields[0]) + 1;
            }

            await publisher.Publish(control[i].Topic, control[i].Payload);
            await publisher.Publish(twin[i].Topic, twin[i].Payload);

            foreach (var bad in restGarbage.Skip(i * RestGarbagePerMessage).Take(RestGarbagePerMessage))
            {
                await PostRefused(bad);
            }

            if (i < rest.Count)
            {
                await PostObservation(Control, rest[i]);
                await PostObservation(Twin, rest[i]);
            }
        }

        var ghost = new GoodTraffic("gt-ghost", GhostPump, "gt-ghost-monitor").Mqtt().Where(m => m.Topic.Contains(GhostPump, StringComparison.Ordinal)).ToList();
        for (var i = 0; i < GhostMessages; i++)
        {
            await publisher.Publish(ghost[i % ghost.Count].Topic, ghost[i % ghost.Count].Payload);
        }

        expected["device"] = expected.GetValueOrDefault("device") + GhostMessages;

        var expectedCounts = new SortedDictionary<string, long>(expected, StringComparer.Ordinal);
        await Polling.Until(() => counters.ByTag(RefusedCounter), r => r.SequenceEqual(expectedCounts), "every piece of MQTT garbage counted by its field");

        string[] last = ["pump.rateMlPerHour=6", "vitals.rhythm=af", "latestSedation=-3", "latestPain=6", "latestConsciousness=V", "supplementalOxygen=true"];
        var twinFacts = (await Polling.Until(
            async () => string.Join("\n", SnapshotFacts.Of(await Ward.Patient(fixture.Charge, Twin), "DEVICE_DATA_INVALID")),
            f => last.All(l => f.Split('\n').Contains(l)),
            "the twin's last messages applied")).Split('\n');
        var controlSnapshot = await Polling.Until(
            () => Ward.Patient(fixture.Charge, Control),
            s => SnapshotFacts.Of(s, "DEVICE_DATA_INVALID").SequenceEqual(twinFacts),
            "the control patient's facts equal to the twin's",
            describe: s => string.Join("; ", SnapshotFacts.Of(s, "DEVICE_DATA_INVALID")));

        output.WriteLine(string.Join("\n", twinFacts));
        Assert.Equal(twinFacts, SnapshotFacts.Of(controlSnapshot, "DEVICE_DATA_INVALID"));
        output.WriteLine($"refused by field: {string.Join(", ", counters.ByTag(RefusedCounter).Select(r => $"{r.Key}={r.Value}"))}");

        Assert.Equal(expectedCounts, counters.ByTag(RefusedCounter));
        var garbageFromDevices = mqttGarbage.Any(c => c.Route.IsDevice);
        Assert.Equal(garbageFromDevices, HasOpenAlert(controlSnapshot, "DEVICE_DATA_INVALID"));
        Assert.False(HasOpenAlert(await Ward.Patient(fixture.Charge, Twin), "DEVICE_DATA_INVALID"));
        Assert.Contains(twinFacts, f => f.StartsWith("alert ", StringComparison.Ordinal));
    }

    private static bool HasOpenAlert(JsonElement snapshot, string ruleId) =>
        snapshot.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("ruleId").GetString() == ruleId && a.GetProperty("state").GetString() != "resolved");

    /// <summary>REST reads observations with ingest's parser: the same input is refused for the same field (a JSON fault has none).</summary>
    private async Task PostRefused(FuzzCase bad)
    {
        using var content = new ByteArrayContent(bad.Payload);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var response = await fixture.Nurse.Http.PostAsync(new Uri($"/api/patients/{Control}/observations", UriKind.Relative), content);
        await ProblemCheck.Verify(response, "");
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            throw new PropertyFailedException($"REST answered {(int)response.StatusCode} to {bad}: {Json.Show(text)}");
        }

        var field = JsonDocument.Parse(text).RootElement.GetProperty("field").GetString();
        var expectedField = bad.Expect.Fields[0] == Expectation.JsonField ? "" : bad.Expect.Fields[0];
        if (field != expectedField)
        {
            throw new PropertyFailedException($"REST refused on '{field}', ingest on '{expectedField}': {bad}: {Json.Show(text)}");
        }
    }

    private async Task PostObservation(string patientId, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await fixture.Nurse.Http.PostAsync(new Uri($"/api/patients/{patientId}/observations", UriKind.Relative), content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"a valid observation answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        _ = await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
