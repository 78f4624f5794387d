using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitoring.Contracts.Views;
using Monitoring.Ingest.Configuration;
using Monitoring.Ingest.Mqtt;
using Monitoring.Ingest.Publishing;
using Monitoring.Ingest.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Ingest.Tests.Publishing;

public class PublisherTests
{
    private static readonly DateTimeOffset Issued = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_setRate_command_carries_every_field_of_the_contract()
    {
        var publisher = new RecordingPublisher();
        var sender = new MqttPumpCommandSender(publisher, NullLogger<MqttPumpCommandSender>.Instance);

        await sender.SendAsync(new PumpCommand("cmd-1", "pump-1", PumpCommandKind.SetRate, 17.5m, "CEILING", Issued, Issued.AddSeconds(10)), "p1");

        var (topic, json, waited) = Assert.Single(publisher.Published);
        Assert.Equal("devices/pumps/pump-1/cmd", topic);
        Assert.True(waited);
        Assert.Equal(
            """{"commandId":"cmd-1","command":"setRate","rateMlPerHour":17.5,"patientId":"p1","ruleId":"CEILING","ts":"2025-03-01T10:00:00Z","expiresAt":"2025-03-01T10:00:10Z"}""",
            json.GetRawText());
    }

    [Fact]
    public async Task A_pause_command_carries_no_rate()
    {
        var publisher = new RecordingPublisher();
        var sender = new MqttPumpCommandSender(publisher, NullLogger<MqttPumpCommandSender>.Instance);

        await sender.SendAsync(new PumpCommand("cmd-2", "pump-1", PumpCommandKind.Pause, 35m, "HALLUCINATION", Issued, Issued.AddSeconds(10)), "p1");

        var (_, json, _) = Assert.Single(publisher.Published);
        Assert.Equal("pause", json.GetProperty("command").GetString());
        Assert.False(json.TryGetProperty("rateMlPerHour", out _));
    }

    [Fact]
    public async Task A_command_that_cannot_be_sent_fails_loudly()
    {
        var sender = new MqttPumpCommandSender(new RecordingPublisher { Fail = true }, NullLogger<MqttPumpCommandSender>.Instance);

        await Assert.ThrowsAsync<MqttPublishException>(() =>
            sender.SendAsync(new PumpCommand("cmd-3", "pump-1", PumpCommandKind.Pause, null, "HALLUCINATION", Issued, Issued.AddSeconds(10)), "p1"));
    }

    [Fact]
    public void A_refusal_is_published_as_topic_reason_ts_and_suppressed()
    {
        var json = JsonDocument.Parse(RejectedPublisher.Serialize("devices/monitors/m/vitals", "spo2: 101 is above what any monitor can measure (100)", Issued.ToOffset(TimeSpan.FromHours(2)), 3)).RootElement;

        Assert.Equal(
            """{"topic":"devices/monitors/m/vitals","reason":"spo2: 101 is above what any monitor can measure (100)","ts":"2025-03-01T10:00:00Z","suppressed":3}""",
            json.GetRawText());
    }

    [Fact]
    public void A_long_topic_is_echoed_cut_to_200_characters_with_its_length_and_control_characters_escaped()
    {
        var sent = "devices/pumps/" + new string('x', 5_000) + "\u0007/status";
        var json = JsonDocument.Parse(RejectedPublisher.Serialize(sent, "unknown topic", Issued, 0)).RootElement;
        var shown = json.GetProperty("topic").GetString()!;

        Assert.Equal(sent[..200] + $"... ({sent.Length} characters)", shown);
        Assert.Equal("devices/pumps/pump-1/status", JsonDocument.Parse(RejectedPublisher.Serialize("devices/pumps/pump-1/status", "unknown topic", Issued, 0)).RootElement.GetProperty("topic").GetString());
        Assert.DoesNotContain("\a", System.Text.Encoding.UTF8.GetString(RejectedPublisher.Serialize("bell\a", "unknown topic", Issued, 0)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escalation_goes_to_the_topic_and_the_webhook_as_the_same_camelCase_json()
    {
        var hook = new RecordingHandler(HttpStatusCode.OK);
        var publisher = new RecordingPublisher();
        var notifier = Notifier(publisher, hook, "https://pager.example/hook");

        await notifier.NotifyAsync(Alert());

        var (topic, json, _) = Assert.Single(publisher.Published);
        Assert.Equal("monitoring/escalations", topic);
        Assert.Equal("CEILING", json.GetProperty("ruleId").GetString());
        Assert.Equal("high", json.GetProperty("priority").GetString());
        Assert.True(json.GetProperty("escalated").GetBoolean());
        var (uri, body, contentType) = Assert.Single(hook.Requests);
        Assert.Equal(new Uri("https://pager.example/hook"), uri);
        Assert.Equal("application/json", contentType);
        Assert.Equal(json.GetRawText(), body);
    }

    [Fact]
    public async Task Without_a_webhook_only_the_topic_is_used()
    {
        var hook = new RecordingHandler(HttpStatusCode.OK);
        var publisher = new RecordingPublisher();

        await Notifier(publisher, hook, null).NotifyAsync(Alert());

        Assert.Single(publisher.Published);
        Assert.Empty(hook.Requests);
    }

    [Fact]
    public async Task One_route_down_is_logged_not_thrown_but_both_down_is_thrown()
    {
        var brokerDown = new RecordingPublisher { Fail = true };

        await Notifier(brokerDown, new RecordingHandler(HttpStatusCode.OK), "https://pager.example/hook").NotifyAsync(Alert());
        await Notifier(new RecordingPublisher(), new RecordingHandler(HttpStatusCode.BadGateway), "https://pager.example/hook").NotifyAsync(Alert());
        await Assert.ThrowsAsync<AggregateException>(() =>
            Notifier(brokerDown, new RecordingHandler(HttpStatusCode.BadGateway), "https://pager.example/hook").NotifyAsync(Alert()));
        await Assert.ThrowsAsync<AggregateException>(() => Notifier(brokerDown, new RecordingHandler(HttpStatusCode.OK), null).NotifyAsync(Alert()));
    }

    private static MqttOutboundNotifier Notifier(IMqttPublisher publisher, RecordingHandler hook, string? url)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookNotifier.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => hook);
        var factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var webhook = new WebhookNotifier(factory, Options.Create(new NotificationsOptions { WebhookUrl = url }));
        return new MqttOutboundNotifier(publisher, webhook, NullLogger<MqttOutboundNotifier>.Instance);
    }

    private static AlertView Alert() => new()
    {
        Id = "a-1",
        PatientId = "p1",
        WardId = "ward-a",
        RuleId = "CEILING",
        Priority = AlertPriority.High,
        Kind = AlertKind.Clinical,
        State = AlertState.Active,
        Escalated = true,
        RaisedAt = Issued,
        LastValue = "0.6 mg/kg/h",
        Count = 1,
        Message = "Dose rate above the ceiling",
    };
}
