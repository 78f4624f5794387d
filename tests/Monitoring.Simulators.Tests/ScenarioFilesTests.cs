using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Tests;

/// <summary>Every shipped scenario file loads, and together they cover the list of issue 4.</summary>
public sealed class ScenarioFilesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_scenario_file_loads_and_checks_something(string file)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(Folder, file));

        Assert.Equal(Path.GetFileNameWithoutExtension(file), scenario.Name);
        Assert.NotEmpty(scenario.Title);
        Assert.NotEmpty(scenario.Steps);
        Assert.NotEmpty(scenario.Expectations);
        Assert.True(scenario.RunUntil >= scenario.Expectations.Max(e => e.CheckAt));
        Assert.NotEmpty(ScenarioTimeline.Build(scenario));
    }

    [Fact]
    public void The_folder_loads_as_a_whole_with_unique_names()
    {
        var scenarios = ScenarioLoader.LoadDirectory(Folder);
        Assert.Equal(scenarios.Count, scenarios.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void The_scenarios_of_issue_4_are_all_there()
    {
        var names = ScenarioLoader.LoadDirectory(Folder).Select(s => s.Name).ToHashSet();
        string[] required =
        [
            "normal-titration-day", "ceiling-breach-enforcement", "concentration-mismatch", "boluses-at-and-over-limits",
            "hallucination-pause-early-restart", "hallucination-pause-same-rate", "pause-restart-due-lower-restart",
            "desaturation-with-sedation", "spo2-probe-off", "pump-silent", "monitor-silent", "occlusion", "pump-reboot",
            "device-swap", "device-clock-skew", "discharge-while-running", "readmission-within-24h",
            "comfort-care-muting-vitals", "contraindicated-admission", "malformed-burst",
        ];
        Assert.Empty(required.Except(names));
    }

    [Fact]
    public void Long_scenarios_ask_for_the_virtual_clock()
    {
        foreach (var scenario in ScenarioLoader.LoadDirectory(Folder).Where(s => s.RunUntil > TimeSpan.FromMinutes(30)))
        {
            Assert.True(scenario.Clock == ClockMode.Virtual, $"{scenario.Name} runs {scenario.RunUntil} and should say clock: virtual");
        }
    }
}
