using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;
using Monitoring.Ingest.Tests.Support;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Rules;

namespace Monitoring.Ingest.Tests.Integration;

/// <summary>
/// The ingest against the real embedded broker: at-least-once (acknowledged only after the router returns, never
/// on failure), refusals published with their reason, per-device order, reconnection with redelivery.
/// </summary>
public class EmbeddedBrokerIngestTests(IngestHostFixture host) : IClassFixture<IngestHostFixture>
{
    private FakeRouter Router => host.Router;

    [Fact]
    public async Task A_message_is_acknowledged_only_after_the_router_has_returned()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Router.Behaviours["pump-gate"] = async (_, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return ApplyOutcome.Applied;
        };
        await using var pump = await TestMqttClient.ConnectAsync(host.Port, "pump-gate");

        await pump.PublishAsync("devices/pumps/pump-gate/status", Status(1));
        await entered.Task.WaitAsync(Polling.Generous);

        // Every chance for an early acknowledgement to show; a slow machine can only hide one, never invent one.
        await Task.Delay(500);
        Assert.DoesNotContain("acked pump-gate 1", Router.Timeline);

        release.SetResult();
        await Polling.Until(() => Router.Timeline.Contains("acked pump-gate 1"), "the acknowledgement");
        var timeline = Router.Timeline.ToList();
        Assert.True(timeline.IndexOf("returned pump-gate 1") < timeline.IndexOf("acked pump-gate 1"));
    }

    [Fact]
    public async Task A_refused_message_goes_to_monitoring_rejected_with_its_reason_while_another_device_flows()
    {
        await using var observer = await TestMqttClient.ConnectAsync(host.Port, "observer-rejected", "monitoring/rejected");
        await using var bad = await TestMqttClient.ConnectAsync(host.Port, "mon-bad");
        await using var good = await TestMqttClient.ConnectAsync(host.Port, "mon-good");

        await bad.PublishAsync("devices/monitors/mon-bad/vitals", JsonPayload.Vitals.With("seq", "1").With("spo2", "101").ToString());
        for (var seq = 0; seq < 20; seq++)
        {
            await good.PublishAsync("devices/monitors/mon-good/vitals", JsonPayload.Vitals.With("seq", $"{seq}").ToString());
        }

        const string reason = "spo2: 101 is above what any monitor can measure (100)";
        await Polling.Until(() => Router.SeqsOf("mon-good").Count == 20, "the good monitor's messages");
        await Polling.Until(() => observer.Received.Any(r => r.Json.GetProperty("topic").GetString() == "devices/monitors/mon-bad/vitals"), "the refusal");
        var (_, json) = observer.Received.Single(r => r.Json.GetProperty("topic").GetString() == "devices/monitors/mon-bad/vitals");
        Assert.Equal(reason, json.GetProperty("reason").GetString());
        Assert.Equal(0, json.GetProperty("suppressed").GetInt64());
        Assert.True(json.GetProperty("ts").TryGetDateTimeOffset(out _));
        Assert.Contains(("mon-bad", reason), Router.Refusals);
        Assert.DoesNotContain(Router.Routed, m => m.Meta.DeviceId == "mon-bad");

        // Refused is handled: acknowledged, so the broker does not send it again.
        await Polling.Until(() => Router.Timeline.Contains("acked mon-bad 1"), "the refused message's acknowledgement");
    }

    [Fact]
    public async Task Each_devices_messages_are_applied_in_the_order_sent()
    {
        string[] devices = ["order-a", "order-b", "order-c", "order-d", "order-e", "order-f"];
        const int count = 150;
        foreach (var device in devices)
        {
            // Uneven work per message, so a worker that took messages out of order would show it.
            Router.Behaviours[device] = async (message, _) =>
            {
                if (message.Meta.Seq % 7 == 0)
                {
                    await Task.Delay(1);
                }

                return ApplyOutcome.Applied;
            };
        }

        await using var publisher = await TestMqttClient.ConnectAsync(host.Port, "order-publisher");
        for (var seq = 0; seq < count; seq++)
        {
            foreach (var device in devices)
            {
                await publisher.PublishAsync($"devices/pumps/{device}/status", Status(seq));
            }
        }

        await Polling.Until(() => devices.All(d => Router.SeqsOf(d).Count == count), "every message");
        foreach (var device in devices)
        {
            Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), Router.SeqsOf(device));
        }
    }

    [Fact]
    public async Task A_message_whose_grain_cannot_be_reached_is_retried_and_acknowledged_only_once_delivered()
    {
        Router.Behaviours["pump-flaky"] = (_, attempt) => attempt < 4
            ? Task.FromException<ApplyOutcome>(new TimeoutException("silo unreachable"))
            : Task.FromResult(ApplyOutcome.Applied);
        await using var pump = await TestMqttClient.ConnectAsync(host.Port, "pump-flaky");

        await pump.PublishAsync("devices/pumps/pump-flaky/status", Status(1));

        await Polling.Until(() => Router.Timeline.Contains("acked pump-flaky 1"), "the acknowledgement after the retries");
        Assert.Equal(4, Router.Attempts("pump-flaky"));
        Assert.Single(Router.Routed, m => m.Meta.DeviceId == "pump-flaky");
        await Polling.Until(() => host.Health.Current.RoutingFailingSince is null, "the health to recover");
    }

    [Fact]
    public async Task An_unknown_device_is_refused_as_unknown_device()
    {
        Router.Behaviours["pump-stranger"] = (_, _) => Task.FromResult(ApplyOutcome.UnknownDevice);
        await using var observer = await TestMqttClient.ConnectAsync(host.Port, "observer-unknown", "monitoring/rejected");
        await using var pump = await TestMqttClient.ConnectAsync(host.Port, "pump-stranger");

        await pump.PublishAsync("devices/pumps/pump-stranger/status", Status(1));

        await Polling.Until(
            () => observer.Received.Any(r => r.Json.GetProperty("topic").GetString() == "devices/pumps/pump-stranger/status"
                && r.Json.GetProperty("reason").GetString() == "unknown device"),
            "the unknown-device refusal");
        await Polling.Until(() => Router.Timeline.Contains("acked pump-stranger 1"), "its acknowledgement");
    }

    [Fact]
    public async Task An_observation_reaches_the_patient()
    {
        await using var app = await TestMqttClient.ConnectAsync(host.Port, "chart-app");

        await app.PublishAsync("patients/p-int/observations", JsonPayload.Observation("hallucination", null).ToString());

        await Polling.Until(() => Router.Observations.Any(o => o.PatientId == "p-int"), "the observation");
    }

    [Fact]
    public async Task After_the_broker_drops_the_connection_the_ingest_reconnects_resubscribes_and_gets_its_unacknowledged_message_again()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Router.Behaviours["pump-redeliver"] = async (_, attempt) =>
        {
            if (attempt == 1)
            {
                entered.TrySetResult();
                await release.Task;
            }

            return ApplyOutcome.Applied;
        };
        await using var pump = await TestMqttClient.ConnectAsync(host.Port, "pump-redeliver");
        await pump.PublishAsync("devices/pumps/pump-redeliver/status", Status(1));
        await entered.Task.WaitAsync(Polling.Generous);
        var connectionsBefore = host.IngestConnections;

        await host.Broker.Server!.DisconnectClientAsync(host.ClientId, new MQTTnet.Server.MqttServerFactory().CreateMqttServerClientDisconnectOptionsBuilder().Build());
        await Polling.Until(() => host.IngestConnections > connectionsBefore && host.Health.IsConnected, "the reconnection");
        release.SetResult();

        // The first delivery's acknowledgement belonged to the dropped connection and is not sent on the new one;
        // the broker delivers the message again from the persistent session, and that copy is acknowledged.
        await Polling.Until(() => Router.Timeline.Contains("acked pump-redeliver 1"), "the redelivered message's acknowledgement");
        var timeline = Router.Timeline.ToList();
        var returned = timeline.Select((line, i) => (line, i)).Where(e => e.line == "returned pump-redeliver 1").Select(e => e.i).ToList();
        Assert.Equal(2, returned.Count);
        Assert.True(timeline.IndexOf("acked pump-redeliver 1") > returned[1], string.Join(" | ", timeline.Where(l => l.Contains("redeliver", StringComparison.Ordinal))));

        // Subscriptions hold after the reconnect.
        await pump.PublishAsync("devices/pumps/pump-redeliver/status", Status(2));
        await Polling.Until(() => Router.Timeline.Contains("acked pump-redeliver 2"), "a message after the reconnect");
    }

    [Fact]
    public async Task A_pump_command_and_an_escalation_go_out_on_the_same_connection()
    {
        await using var pump = await TestMqttClient.ConnectAsync(host.Port, "pump-cmd", "devices/pumps/pump-cmd/cmd", "monitoring/escalations");
        var issued = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

        await host.Services.GetRequiredService<IPumpCommandSender>()
            .SendAsync(new PumpCommand("cmd-7", "pump-cmd", PumpCommandKind.SetRate, 3.5m, "CEILING", issued, issued.AddSeconds(10)), "p1");
        await host.Services.GetRequiredService<IOutboundNotifier>().NotifyAsync(new AlertView
        {
            Id = "a-7", WardId = "ward-a", RuleId = "WARD_UNWATCHED", Priority = AlertPriority.High, Kind = AlertKind.Technical, State = AlertState.Active,
        });

        await Polling.Until(() => pump.Received.Count == 2, "the command and the escalation");
        var command = pump.Received.Single(r => r.Topic == "devices/pumps/pump-cmd/cmd").Json;
        Assert.Equal("cmd-7", command.GetProperty("commandId").GetString());
        Assert.Equal("setRate", command.GetProperty("command").GetString());
        Assert.Equal(3.5m, command.GetProperty("rateMlPerHour").GetDecimal());
        var escalation = pump.Received.Single(r => r.Topic == "monitoring/escalations").Json;
        Assert.Equal("WARD_UNWATCHED", escalation.GetProperty("ruleId").GetString());
        Assert.Equal(JsonValueKind.Null, escalation.GetProperty("patientId").ValueKind);
    }

    private static string Status(long seq) => JsonPayload.Status.With("seq", $"{seq}").ToString();
}
