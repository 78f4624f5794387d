using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Services;
using Monitoring.Ingest.Parsing;
using Monitoring.Ingest.Pipeline;
using Monitoring.Ingest.Publishing;
using Monitoring.Ingest.Tests.Support;
using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Tests.Pipeline;

public class MessageProcessorTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 3, 1, 10, 0, 1, TimeSpan.Zero);

    private readonly FakeRouter _router = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly MessageProcessor _processor;

    public MessageProcessorTests()
    {
        var metrics = new IngestMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
        var rejected = new RejectedPublisher(_publisher, new RejectedRateLimiter(20, TimeProvider.System), metrics, NullLogger<RejectedPublisher>.Instance);
        _processor = new MessageProcessor(new PayloadParser(TestParameters.Protocol), _router, rejected, metrics, new HostInstance(), NullLogger<MessageProcessor>.Instance);
    }

    [Fact]
    public async Task A_good_message_reaches_its_device_and_nothing_is_published()
    {
        await _processor.ProcessAsync(Item("devices/pumps/pump-1/status", JsonPayload.Status), CancellationToken.None);

        var routed = Assert.IsType<PumpStatusMessage>(Assert.Single(_router.Routed));
        Assert.Equal(ReceivedAt, routed.Meta.ReceivedAt);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task A_refused_device_message_tells_the_device_grain_then_is_published()
    {
        await _processor.ProcessAsync(Item("devices/monitors/mon-1/vitals", JsonPayload.Vitals.With("spo2", "101")), CancellationToken.None);

        const string reason = "spo2: 101 is above what any monitor can measure (100)";
        Assert.Equal(("mon-1", reason), Assert.Single(_router.Refusals));
        Assert.Empty(_router.Routed);
        var (topic, json, waited) = Assert.Single(_publisher.Published);
        Assert.Equal("monitoring/rejected", topic);
        Assert.False(waited);
        Assert.Equal("devices/monitors/mon-1/vitals", json.GetProperty("topic").GetString());
        Assert.Equal(reason, json.GetProperty("reason").GetString());
        Assert.Equal(ReceivedAt, json.GetProperty("ts").GetDateTimeOffset());
        Assert.Equal(0, json.GetProperty("suppressed").GetInt64());
    }

    [Fact]
    public async Task When_the_device_grain_cannot_be_told_nothing_is_published_and_the_caller_must_retry()
    {
        _router.OnRefused = _ => throw new TimeoutException("silo unreachable");

        await Assert.ThrowsAsync<TimeoutException>(() =>
            _processor.ProcessAsync(Item("devices/monitors/mon-1/vitals", JsonPayload.Vitals.With("spo2", "101")), CancellationToken.None));

        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task When_the_grain_cannot_be_reached_the_failure_reaches_the_caller()
    {
        _router.Behaviours["pump-1"] = (_, _) => throw new TimeoutException("silo unreachable");

        await Assert.ThrowsAsync<TimeoutException>(() => _processor.ProcessAsync(Item("devices/pumps/pump-1/status", JsonPayload.Status), CancellationToken.None));

        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task An_unknown_device_is_refused_without_a_bed_to_tell()
    {
        _router.Behaviours["pump-9"] = (_, _) => Task.FromResult(ApplyOutcome.UnknownDevice);

        await _processor.ProcessAsync(Item("devices/pumps/pump-9/status", JsonPayload.Status), CancellationToken.None);

        Assert.Empty(_router.Refusals);
        var (_, json, _) = Assert.Single(_publisher.Published);
        Assert.Equal("unknown device", json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_observation_reaches_its_patient_and_an_unknown_patient_is_refused()
    {
        await _processor.ProcessAsync(Item("patients/p1/observations", JsonPayload.Observation("pain", "3")), CancellationToken.None);
        _router.ObservationOutcome = ApplyOutcome.UnknownPatient;
        await _processor.ProcessAsync(Item("patients/p2/observations", JsonPayload.Observation("pain", "3")), CancellationToken.None);

        Assert.Equal(["p1", "p2"], _router.Observations.Select(o => o.PatientId));
        var (_, json, _) = Assert.Single(_publisher.Published);
        Assert.Equal("patients/p2/observations", json.GetProperty("topic").GetString());
        Assert.Equal("unknown patient", json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_refused_observation_is_published_with_no_device_grain_to_tell()
    {
        await _processor.ProcessAsync(Item("patients/p1/observations", JsonPayload.Observation("pain", "12")), CancellationToken.None);

        Assert.Empty(_router.Refusals);
        Assert.Empty(_router.Observations);
        var (_, json, _) = Assert.Single(_publisher.Published);
        Assert.Equal("value: 12 is not on the pain scale (NRS 0 to 10)", json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_unknown_topic_is_refused()
    {
        await _processor.ProcessAsync(new IngestItem("devices/pumps/pump-1/telemetry", null, [], ReceivedAt, 1, _ => Task.CompletedTask), CancellationToken.None);

        var (_, json, _) = Assert.Single(_publisher.Published);
        Assert.Equal("unknown topic", json.GetProperty("reason").GetString());
        Assert.Empty(_router.Refusals);
    }

    [Fact]
    public async Task A_broker_that_cannot_take_the_refusal_does_not_fail_the_message()
    {
        _publisher.Fail = true;

        await _processor.ProcessAsync(Item("devices/monitors/mon-1/vitals", JsonPayload.Vitals.With("spo2", "101")), CancellationToken.None);

        Assert.Single(_router.Refusals);
    }

    private static IngestItem Item(string topic, JsonPayload payload)
    {
        Assert.True(TopicMap.TryParse(topic, out var route));
        return new IngestItem(topic, route, payload.ToBytes(), ReceivedAt, 1, _ => Task.CompletedTask);
    }
}
