using System.Diagnostics;
using CsCheck;
using Monitoring.BadInput.Tests.Support;
using Monitoring.EndToEnd.Tests.Support;
using Monitoring.Ingest.Parsing;
using Monitoring.Ingest.Topics;
using Xunit.Abstractions;

namespace Monitoring.BadInput.Tests;

/// <summary>
/// Issue 13, fuzzing through the real path: generated payloads of every family published at QoS 1 to the running
/// host's embedded broker, as a device gateway would. Every one must end as the parser (proved against the oracle by
/// <see cref="IngestParserFuzzTests"/>) says: refused with that reason, or, when it reads, refused as an unknown device
/// or patient (the generated ids name none). Checked on ingest's refusal counter by field (exact) and on
/// monitoring/rejected (each reason one that was due; the rate limit's "suppressed" accounts for the rest); nothing
/// logged at Error; and afterwards a real bed still gets its CEILING alert. An id over the topic limit is refused as an
/// unknown topic. Payloads over the broker's packet limit are left to the parser fuzz (the broker refuses them).
/// </summary>
[Collection(HostCollection.Name)]
public class MqttPathFuzzTests(BadInputHost fixture, ITestOutputHelper output)
{
    private const string RefusedCounter = "monitoring.ingest.refused";
    private const string ControlPatient = "mq-fuzz-control";
    private const string ControlPump = "pump-13";
    private const string ControlMonitor = "monitor-14";

    // Below the embedded broker's 64 KiB packet limit, with room for the topic and the packet's header.
    private const int MaxPayloadBytes = 60_000;

    // Ids this long or longer are unique in practice: no two generated devices share a lane or a rate limit.
    private const int MinIdLength = 6;

    // The topic limit on ids (TopicMap): one past it, and up to a few hundred characters.
    private const int FirstOversizedId = 129;

    private static readonly PayloadParser Parser = new(ProtocolSeed.Parameters);

    [Fact]
    public async Task Generated_payloads_through_the_broker_are_each_refused_with_the_reason_due_and_the_host_keeps_alarming()
    {
        var count = (int)Budget.Of(3_000);
        await Cases.Array[count].SampleAsync(Run, iter: 1, threads: 1, print: c => $"{c.Length} cases; first: {(c.Length > 0 ? c[0] : "")}");
        CapturedLog.Instance.AssertNoErrors();
    }

    /// <summary>Every family of the parser fuzz but the huge one, with unique ids, and ids over the topic limit.</summary>
    private static Gen<FuzzCase> Cases { get; } = Gen.Frequency(
        (10, Gen.OneOf(Mutations.Valid, Mutations.FieldValue, Mutations.FieldRemoval, Mutations.Structure, Mutations.Bytes, Mutations.Random)
            .Where(c => c.Route.Id.Length >= MinIdLength && c.Payload.Length <= MaxPayloadBytes)),
        (1, Gen.Select(Mutations.Valid, Gen.Int[FirstOversizedId, 400]).Select((c, length) =>
            c with { Family = "oversized id", Route = c.Route with { Id = c.Route.Id + new string('x', Math.Max(0, length - c.Route.Id.Length)) } })));

    private async Task Run(FuzzCase[] cases)
    {
        var host = fixture.Host;
        await Ward.AdmitWithDevices(fixture.Charge, ControlPatient, "bed-13", ControlPump, ControlMonitor);
        using var counters = new IngestCounters(host);
        await using var rejected = await RejectedListener.Connect(host.Factory.MqttPort);
        await using var publisher = await RawPublisher.Connect(host.Factory.MqttPort);

        var due = new List<Refusal>(cases.Length);
        var watch = Stopwatch.StartNew();
        foreach (var c in cases)
        {
            var topic = PayloadShapes.Named(c.Shape).TopicFor(c.Route.Id);
            due.Add(Due(topic, c));
            await publisher.Publish(topic, c.Payload);
        }

        var published = watch.Elapsed;
        var unknownTopics = due.Count(r => r == Refusal.UnknownTopic);
        var expectedByField = new SortedDictionary<string, long>(
            due.Where(r => r != Refusal.UnknownTopic).GroupBy(r => r.Field).ToDictionary(g => g.Key, g => (long)g.Count()), StringComparer.Ordinal);
        var byField = await Polling.Until(
            () => counters.ByTag(RefusedCounter), r => Matches(r, expectedByField, unknownTopics), "every published case refused, counted by its field",
            HostFixture.Generous, r => $"{Show(r)}; expected {Show(expectedByField)} and topic + rate = {unknownTopics}");
        var suppressed = () => counters.Total("monitoring.ingest.rejected_suppressed", "");
        await Polling.Until(
            () => rejected.Reasons.Count + suppressed(), n => n >= cases.Length, "every refusal on monitoring/rejected or counted as suppressed");
        var drained = watch.Elapsed;

        output.WriteLine($"{cases.Length} payloads published in {published.TotalSeconds:0.0} s, all refused and counted after {drained.TotalSeconds:0.0} s");
        output.WriteLine($"refused by field: {Show(byField)}");
        output.WriteLine($"monitoring/rejected: {rejected.Reasons.Count} received, {suppressed()} suppressed by its rate limit");
        output.WriteLine($"families: {string.Join(", ", cases.GroupBy(c => c.Family).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"))}");

        Assert.True(Matches(counters.ByTag(RefusedCounter), expectedByField, unknownTopics), "no refusal counted after the fuzz was drained");
        Assert.Equal(cases.Length, rejected.Reasons.Count + suppressed());
        var stillDue = due.Select(r => r.Reason).GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rateLimitedTopics = byField.GetValueOrDefault("rate");
        foreach (var reason in rejected.Reasons)
        {
            // Unknown topics share one lane and one rate limit ("unknown-topic"): past its burst they are refused for rate.
            if (reason.StartsWith("rate: ", StringComparison.Ordinal) && rateLimitedTopics-- > 0 && stillDue.GetValueOrDefault(TopicMap.UnknownTopicReason) > 0)
            {
                stillDue[TopicMap.UnknownTopicReason]--;
                continue;
            }

            Assert.True(stillDue.TryGetValue(reason, out var left) && left > 0, $"monitoring/rejected said '{Json.Show(reason, 300)}', which no published case was due");
            stillDue[reason] = left - 1;
        }

        await TheControlBedStillAlarms();
    }

    /// <summary>Every field exactly as due; the unknown topics refused as such or, past their shared lane's burst, for rate.</summary>
    private static bool Matches(IReadOnlyDictionary<string, long> counted, IReadOnlyDictionary<string, long> expected, int unknownTopics) =>
        counted.GetValueOrDefault("topic") + counted.GetValueOrDefault("rate") == unknownTopics
        && counted.Where(c => c.Key is not ("topic" or "rate")).OrderBy(c => c.Key, StringComparer.Ordinal).SequenceEqual(expected);

    private static string Show(IReadOnlyDictionary<string, long> byField) => string.Join(", ", byField.Select(f => $"{f.Key}={f.Value}"));

    /// <summary>What ingest must do with one case: the parser's refusal, or, as none of the generated ids is known, an unknown device or patient.</summary>
    private static Refusal Due(string topic, FuzzCase c)
    {
        if (!TopicMap.TryParse(topic, out var route))
        {
            return Refusal.UnknownTopic;
        }

        var result = Parser.Parse(route, c.Payload, DateTimeOffset.UtcNow);
        if (result is Refusal refusal)
        {
            ParseCheck.VerifyReason(refusal);
            return refusal;
        }

        return route.IsDevice ? Refusal.UnknownDevice : Refusal.UnknownPatient;
    }

    /// <summary>After the storm, a real bed's pump over the ceiling still raises CEILING: nothing in the path was left stuck.</summary>
    private async Task TheControlBedStillAlarms()
    {
        await using var pump = await DeviceClient.Connect(fixture.Host.Factory.MqttPort, "fuzz-control");
        await pump.PublishPumpStatus(ControlPump, "running", Ward.RateAboveCeiling(fixture.Host), Ward.ConcentrationMgPerMl);
        await Polling.Until(
            async () => SnapshotFacts.Of(await Ward.Patient(fixture.Charge, ControlPatient), "none"),
            facts => facts.Any(f => f.StartsWith("alert CEILING", StringComparison.Ordinal)),
            "CEILING on the control bed after the fuzz");
    }
}
