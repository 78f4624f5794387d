using Monitoring.Scenarios.Tests.Support;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;
using Xunit.Abstractions;

namespace Monitoring.Scenarios.Tests;

/// <summary>
/// Every scenario file of simulators/scenarios, played by the simulators' runner against a real host on the
/// virtual clock, as an outside client would (REST, the ward hub, MQTT devices): one test per file.
/// </summary>
[Collection(VirtualClockHostCollection.Name)]
public sealed class ScenarioTests(VirtualClockHostFixture host, ITestOutputHelper output)
{
    /// <summary>Real time one scenario may take (the longest simulated day takes well under this).</summary>
    private static readonly TimeSpan PerScenario = TimeSpan.FromMinutes(5);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    [Fact]
    public void Every_scenario_file_is_played()
    {
        Assert.True(Files().Count >= 20, $"expected the 20 scenario files of issue 4 in {Folder}, found {Files().Count}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Scenario_passes_against_the_host(string file)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(Folder, file));
        using var log = new StringWriter();
        var runner = new ScenarioRunner(host.RunnerOptions, log);
        using var timeout = new CancellationTokenSource(PerScenario);

        var report = await runner.RunAsync(scenario, timeout.Token);

        ReportPrinter.PrintScenario(log, report);
        output.WriteLine(log.ToString());
        Assert.True(report.VirtualClock, "the scenario did not run on the host's virtual clock");
        Assert.True(report.Passed, $"{scenario.Name} failed:{Environment.NewLine}{log}");
    }
}
