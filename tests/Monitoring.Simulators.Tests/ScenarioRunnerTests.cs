using Monitoring.Simulators.Connections;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;
using Monitoring.Simulators.Tests.StubHost;

namespace Monitoring.Simulators.Tests;

/// <summary>
/// The runner played end to end against a stub of the contract (not the product): sign-in, the virtual
/// clock in steps of at most 5 s with virtual timestamps, MQTT devices and commands, hub alerts, REST
/// checks and the pass/fail rows. The real scenarios need the real host.
/// </summary>
[Collection(nameof(BrokerCollection))]
public sealed class ScenarioRunnerTests
{
    private const string Scenario = """
        name: stub-ceiling
        title: the runner against the stub
        ward: ward-s
        patients:
          p1: { bed: bed-01, weightKg: 70, regimen: weight-based, concentrationMgPerMl: 1 }
        pumps:
          pump-1: { concentrationMgPerMl: 1 }
        monitors:
          mon-1: { noise: false }
        steps:
          - { at: 0s, admit: p1 }
          - { at: 0s, associate: { patient: p1, pump: pump-1, monitor: mon-1 } }
          - { at: 10s, run: { pump: pump-1, rateMlPerHour: 7 } }
          - { at: 1m, run: { pump: pump-1, rateMlPerHour: 70 } }
          - { at: 1m30s, malformed: { device: mon-1, kind: bad-json, count: 3 } }
          - { at: 2m, discharge: p1, expectStatus: 409 }
          - { at: 2m5s, as: nurse, acknowledge: { patient: p1, rule: CEILING }, expectStatus: 403 }
          - { at: 2m10s, acknowledge: { patient: p1, rule: CEILING } }
        expect:
          - { alert: CEILING, patient: p1, absent: true, by: 55s }
          - { alert: CEILING, patient: p1, priority: high, from: 1m, by: 1m5s }
          - { command: setRate, pump: pump-1, rateMlPerHour: 7, result: done, from: 1m, by: 1m10s }
          - { path: pump.rateMlPerHour, patient: p1, equals: 7, at: 1m15s }
          - { alert: CEILING, patient: p1, state: latched, by: 1m20s }
          - { rejected: 3, device: mon-1, by: 1m40s }
          - { alert: CEILING, patient: p1, state: resolved, by: 2m15s }
        """;

    private static ScenarioRunnerOptions Options(StubServer stub) => new()
    {
        HostUrl = stub.Url,
        Mqtt = new MqttEndpoint { Host = "127.0.0.1", Port = stub.Broker.Port },
        Charge = new HostCredentials("charge", StubServer.Password),
        Nurse = new HostCredentials("nurse", StubServer.Password),
        IdPrefix = "t1-",
    };

    [Fact]
    public async Task A_scenario_plays_on_the_virtual_clock_and_every_check_passes()
    {
        await using var stub = await StubServer.StartAsync();
        var runner = new ScenarioRunner(Options(stub), TextWriter.Null);

        var report = await runner.RunAsync(ScenarioLoader.Parse(Scenario, "stub.yaml"), default);

        using var table = new StringWriter();
        ReportPrinter.PrintScenario(table, report);
        Assert.True(report.Passed, table.ToString());
        Assert.True(report.VirtualClock);
        Assert.Equal(TimeSpan.FromSeconds(135), report.Simulated);
        Assert.Equal(9, report.Results.Count); // seven checks and two expected statuses
        Assert.True(report.HubEvents >= 3, "raised, latched and resolved pushed by the hub");
        Assert.Equal(27, stub.Product.ClockAdvances); // 135 s in 5 s steps
        Assert.Equal(TimeSpan.FromSeconds(5), stub.Product.LongestAdvance);
        Assert.True(stub.Product.WorstDeviceSkew <= TimeSpan.FromSeconds(5), $"device ts {stub.Product.WorstDeviceSkew} off the virtual clock");
        Assert.True((bool)stub.Product.Patient("t1-p1")!["discharged"]!, "clean-up stops the pump and discharges the run's patients");
    }

    [Fact]
    public async Task A_wrong_expectation_fails_its_row_and_the_run_goes_on()
    {
        await using var stub = await StubServer.StartAsync();
        var wrong = Scenario.Replace("equals: 7, at: 1m15s", "equals: 70, at: 1m15s", StringComparison.Ordinal);

        var report = await new ScenarioRunner(Options(stub) with { IdPrefix = "t2-" }, TextWriter.Null).RunAsync(ScenarioLoader.Parse(wrong, "stub.yaml"), default);

        Assert.False(report.Passed);
        Assert.Null(report.Fatal);
        var failed = Assert.Single(report.Results, r => !r.Passed);
        Assert.Equal(("p1 pump.rateMlPerHour = 70 at 1m15s", "7"), (failed.What, failed.Observed));
    }

    [Fact]
    public async Task Bad_credentials_stop_the_scenario_with_a_reason()
    {
        await using var stub = await StubServer.StartAsync();

        var report = await new ScenarioRunner(Options(stub) with { Charge = new HostCredentials("charge", "nope") }, TextWriter.Null).RunAsync(ScenarioLoader.Parse(Scenario, "stub.yaml"), default);

        Assert.False(report.Passed);
        Assert.Contains("sign-in as charge refused", report.Fatal, StringComparison.Ordinal);
    }
}
