using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Pipeline;
using Monitoring.Ingest.Tests.Support;

namespace Monitoring.Ingest.Tests.Integration;

/// <summary>
/// Issue 13 items 2 and 6, against the real embedded broker: one device's stalled, failing or flooding grain never holds
/// back another device, and nothing is acknowledged before its grain has it.
/// </summary>
public sealed class IngestIsolationTests : IAsyncLifetime
{
    private readonly int _port = FreePorts.Next();
    private readonly string _clientId = "ingest-isolation-" + Guid.NewGuid().ToString("N")[..8];
    private readonly FakeRouter _router = new();
    private IHost _host = null!;
    private int _acked;

    public async Task InitializeAsync()
    {
        _host = IngestHostFixture.BuildHost(
            new Dictionary<string, string?>
            {
                ["Mqtt:Port"] = _port.ToString(CultureInfo.InvariantCulture),
                ["Mqtt:ClientId"] = _clientId,
                ["Ingest:Workers"] = "2",
                ["Ingest:HandoverTimeout"] = "00:00:00.300",
                ["Ingest:RetryInitialDelay"] = "00:00:00.050",
                ["Ingest:RetryMaxDelay"] = "00:00:00.200",
                ["Ingest:FloodBurstPerDevice"] = "50",
                ["Ingest:FloodMessagesPerSecondPerDevice"] = "10",
            },
            services => services.AddSingleton<IMessageRouter>(_router));
        await _host.StartAsync();
        await Polling.Until(() => _host.Services.GetRequiredService<IngestHealth>().IsConnected, "the ingest to connect");
        _host.Services.GetRequiredService<Broker.EmbeddedBroker>().Server!.ClientAcknowledgedPublishPacketAsync += e =>
        {
            if (e.ClientId == _clientId)
            {
                Interlocked.Increment(ref _acked);
            }

            return Task.CompletedTask;
        };
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task A_device_whose_grain_never_answers_holds_back_no_other_device_and_is_not_acknowledged()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _router.Behaviours["pump-hung"] = async (_, _) =>
        {
            await release.Task;
            return ApplyOutcome.Applied;
        };
        await using var hung = await TestMqttClient.ConnectAsync(_port, "pump-hung");
        await using var healthy = await TestMqttClient.ConnectAsync(_port, "pump-healthy");

        // More hung messages than places (Ingest:Workers 2): with one queue per worker they would hold every place.
        for (var seq = 1; seq <= 5; seq++)
        {
            await hung.PublishAsync("devices/pumps/pump-hung/status", Status(seq));
        }

        for (var seq = 1; seq <= 20; seq++)
        {
            await healthy.PublishAsync("devices/pumps/pump-healthy/status", Status(seq));
        }

        await Polling.Until(() => _router.SeqsOf("pump-healthy").Count == 20, "every message of the healthy pump while the other hangs");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), _router.SeqsOf("pump-healthy"));
        await Polling.Until(() => Volatile.Read(ref _acked) == 20, "the healthy pump's acknowledgements");
        await Polling.Until(() => _router.Attempts("pump-hung") >= 2, "the hung message tried again after the hand-over timeout");
        Assert.Empty(_router.SeqsOf("pump-hung"));

        release.SetResult();
        await Polling.Until(() => Volatile.Read(ref _acked) == 25, "the hung pump's messages, acknowledged once its grain answered");
        Assert.Equal([1L, 2, 3, 4, 5], _router.SeqsOf("pump-hung").Distinct());
    }

    [Fact]
    public async Task A_device_whose_grain_fails_waits_to_retry_while_other_devices_flow()
    {
        var failing = true;
        _router.Behaviours["pump-down"] = (_, _) => Volatile.Read(ref failing)
            ? Task.FromException<ApplyOutcome>(new TimeoutException("silo unreachable"))
            : Task.FromResult(ApplyOutcome.Applied);
        await using var down = await TestMqttClient.ConnectAsync(_port, "pump-down");
        await using var up = await TestMqttClient.ConnectAsync(_port, "pump-up");

        await down.PublishAsync("devices/pumps/pump-down/status", Status(1));
        await Polling.Until(() => _router.Attempts("pump-down") >= 3, "the failing grain retried");
        for (var seq = 1; seq <= 10; seq++)
        {
            await up.PublishAsync("devices/pumps/pump-up/status", Status(seq));
        }

        await Polling.Until(() => _router.SeqsOf("pump-up").Count == 10, "the other pump's messages while one grain fails");
        await Polling.Until(() => Volatile.Read(ref _acked) == 10, "the other pump's acknowledgements");
        Assert.Empty(_router.SeqsOf("pump-down"));

        Volatile.Write(ref failing, false);
        await Polling.Until(() => Volatile.Read(ref _acked) == 11, "the failed message acknowledged once delivered");
    }

    [Fact]
    public async Task A_flooding_device_is_refused_above_its_rate_with_a_reason_and_another_device_loses_nothing()
    {
        await using var observer = await TestMqttClient.ConnectAsync(_port, "observer-flood", "monitoring/rejected");
        await using var flood = await TestMqttClient.ConnectAsync(_port, "pump-flood");
        await using var normal = await TestMqttClient.ConnectAsync(_port, "pump-normal");

        const int burst = 400;
        for (var seq = 1; seq <= burst; seq++)
        {
            await flood.PublishAsync("devices/pumps/pump-flood/status", Status(seq));
            if (seq % 40 == 0)
            {
                await normal.PublishAsync("devices/pumps/pump-normal/status", Status(seq / 40));
            }
        }

        await Polling.Until(() => Volatile.Read(ref _acked) == burst + 10, "every message acknowledged, the refused ones too");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), _router.SeqsOf("pump-normal"));
        var applied = _router.SeqsOf("pump-flood");
        Assert.InRange(applied.Count, 50, burst - 1);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), applied.Take(50));
        await Polling.Until(() => observer.Received.Any(r => r.Json.GetProperty("topic").GetString() == "devices/pumps/pump-flood/status"), "the rate refusal");
        var reason = observer.Received.First(r => r.Json.GetProperty("topic").GetString() == "devices/pumps/pump-flood/status").Json.GetProperty("reason").GetString();
        Assert.StartsWith("rate: ", reason, StringComparison.Ordinal);
        Assert.Contains(_router.Refusals, r => r.DeviceId == "pump-flood" && r.Reason.StartsWith("rate: ", StringComparison.Ordinal));
        Assert.DoesNotContain(_router.Refusals, r => r.DeviceId == "pump-normal");
    }

    private static string Status(long seq) => JsonPayload.Status.With("seq", $"{seq}").ToString();
}
