using System.Text.Json.Nodes;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Tests;

/// <summary>The pool against a real (embedded) broker: many devices over few connections, commands, reconnects.</summary>
[Collection(nameof(BrokerCollection))]
public sealed class DeviceConnectionPoolTests
{
    private static MqttEndpoint Endpoint(TestBroker broker) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        HealthCheckInterval = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task Forty_devices_share_two_connections_and_each_stays_on_one()
    {
        await using var broker = new TestBroker();
        await broker.StartAsync();
        await using var pool = new DeviceConnectionPool(Endpoint(broker), connections: 2);
        await pool.StartAsync(default);
        var pumps = Enumerable.Range(1, 20).Select(i => new SimulatedPump(new PumpSettings { PumpId = $"pump-{i}", ConcentrationMgPerMl = 1, RateStepMlPerHour = 0.1m }, pool, TimeProvider.System)).ToList();
        var monitors = Enumerable.Range(1, 20).Select(i => new SimulatedMonitor(new MonitorSettings { MonitorId = $"mon-{i}", Seed = i }, pool, TimeProvider.System)).ToList();
        foreach (var device in pumps.Cast<ISimulatedDevice>().Concat(monitors))
        {
            await pool.AddAsync(device, default);
        }

        foreach (var device in pumps.Cast<ISimulatedDevice>().Concat(monitors))
        {
            await device.TickAsync(default);
        }

        await Polling.Until(() => broker.Received.Count >= 40, "all 40 statuses at the broker");
        var received = broker.Received.ToList();
        Assert.Equal(2, received.Select(r => r.ClientId).Distinct().Count());
        Assert.All(received.GroupBy(r => Topics.DeviceIdOf(r.Topic)), g => Assert.Single(g.Select(r => r.ClientId).Distinct()));
        Assert.Equal(20, received.Count(r => r.ClientId == received[0].ClientId)); // least-loaded assignment splits evenly
        var stats = pool.Statistics;
        Assert.Equal((2, 2, 40, 40L, 0L), (stats.Connections, stats.ConnectedNow, stats.Devices, stats.Published, stats.Failed));
    }

    [Fact]
    public async Task A_command_reaches_its_pump_and_is_confirmed_over_mqtt()
    {
        await using var broker = new TestBroker();
        await broker.StartAsync();
        await using var pool = new DeviceConnectionPool(Endpoint(broker), connections: 2);
        await pool.StartAsync(default);
        var target = new SimulatedPump(new PumpSettings { PumpId = "pump-a", ConcentrationMgPerMl = 1, RateStepMlPerHour = 0.1m }, pool, TimeProvider.System);
        var other = new SimulatedPump(new PumpSettings { PumpId = "pump-b", ConcentrationMgPerMl = 1, RateStepMlPerHour = 0.1m }, pool, TimeProvider.System);
        await pool.AddAsync(target, default);
        await pool.AddAsync(other, default);
        target.Run(70);
        other.Run(70);

        var command = new JsonObject { ["commandId"] = "c-1", ["command"] = "setRate", ["rateMlPerHour"] = 7, ["patientId"] = "p-1", ["ruleId"] = "CEILING", ["ts"] = DateTimeOffset.UtcNow.ToString("O"), ["expiresAt"] = DateTimeOffset.UtcNow.AddSeconds(10).ToString("O") };
        await broker.PublishAsync(Topics.PumpCommand("pump-a"), command.ToJsonString());

        await Polling.Until(() => broker.Received.Any(r => r.Topic == Topics.PumpStatus("pump-a") && r.Payload.Contains("\"lastCommandResult\":\"done\"", StringComparison.Ordinal)), "pump-a reporting the command done");
        Assert.Equal(7m, target.RateMlPerHour);
        Assert.Equal(70m, other.RateMlPerHour);
        Assert.Empty(other.Commands);
    }

    [Fact]
    public async Task After_the_broker_restarts_the_pool_reconnects_and_subscribes_again()
    {
        await using var broker = new TestBroker();
        await broker.StartAsync();
        await using var pool = new DeviceConnectionPool(Endpoint(broker), connections: 1);
        await pool.StartAsync(default);
        var pump = new SimulatedPump(new PumpSettings { PumpId = "pump-r", ConcentrationMgPerMl = 1, RateStepMlPerHour = 0.1m }, pool, TimeProvider.System);
        await pool.AddAsync(pump, default);
        pump.Run(5);

        await broker.StopAsync();
        await Polling.Until(() => pool.Statistics.ConnectedNow == 0, "the pool disconnected");
        Assert.False(await pool.PublishAsync("pump-r", Topics.PumpStatus("pump-r"), [], default));
        await broker.StartAsync();
        await Polling.Until(() => pool.Statistics.ConnectedNow == 1, "the pool reconnected");
        Assert.True(pool.Statistics.Reconnects >= 1);

        await broker.PublishAsync(Topics.PumpCommand("pump-r"), new JsonObject { ["commandId"] = "c-9", ["command"] = "pause", ["ts"] = DateTimeOffset.UtcNow.ToString("O"), ["expiresAt"] = DateTimeOffset.UtcNow.AddSeconds(10).ToString("O") }.ToJsonString());
        await Polling.Until(() => pump.State == PumpStates.Paused, "the pump paused by the command");
    }

    [Fact]
    public async Task Refused_credentials_are_an_error_not_silence()
    {
        await using var refused = new TestBroker(rejectAll: true);
        await refused.StartAsync();
        await using var pool = new DeviceConnectionPool(Endpoint(refused) with { Username = "pump-1", Password = "wrong" }, connections: 1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pool.StartAsync(default));
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
    }
}
