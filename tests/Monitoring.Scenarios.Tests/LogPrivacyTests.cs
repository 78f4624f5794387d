using Monitoring.Scenarios.Tests.Support;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;
using Xunit.Abstractions;

namespace Monitoring.Scenarios.Tests;

/// <summary>
/// Security: scenarios played against a host whose every log event (Debug and above, every source) is captured. Each
/// patient is admitted with a distinctive display name and MRN; neither may appear anywhere in the log: not in a
/// message, a property, or an exception. Logs carry ids, never what identifies a person (the standards).
/// </summary>
public sealed class LogPrivacyTests(CapturingHostFixture host, ITestOutputHelper output) : IClassFixture<CapturingHostFixture>
{
    /// <summary>Scenarios that admit, alert, command pumps, refuse malformed input and discharge: the log's busiest paths.</summary>
    private static readonly string[] Played =
    [
        "ceiling-breach-enforcement.yaml", "malformed-burst.yaml", "hallucination-pause-early-restart.yaml", "device-clock-skew.yaml",
    ];

    [Fact]
    public async Task No_patient_display_name_or_mrn_appears_in_any_log_event_of_a_scenario_run()
    {
        var identifying = new List<string>();
        foreach (var file in Played)
        {
            var scenario = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", file));
            var patients = new Dictionary<string, PatientDefinition>(StringComparer.Ordinal);
            foreach (var (key, patient) in scenario.Patients)
            {
                var marker = Guid.NewGuid().ToString("N")[..8];
                var named = patient with { DisplayName = $"Quillon Vexmoor {marker}", Mrn = $"MRNX{marker}" };
                identifying.Add(named.DisplayName!);
                identifying.Add(named.Mrn!);
                patients[key] = named;
            }

            using var log = new StringWriter();
            var report = await new ScenarioRunner(host.RunnerOptions, log).RunAsync(scenario with { Patients = patients }, CancellationToken.None);
            ReportPrinter.PrintScenario(log, report);
            Assert.True(report.Passed, $"{scenario.Name} failed:{Environment.NewLine}{log}");
        }

        // The surname alone must not appear either (a name split over properties would otherwise pass).
        identifying.Add("Vexmoor");
        var leaks = host.Events.Containing(identifying);
        output.WriteLine($"{Played.Length} scenarios, {host.Events.Count} log events captured, {leaks.Count} with a name or MRN");
        Assert.True(host.Events.Count > 0, "nothing was captured: the sink is not wired");
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, leaks.Take(5)));
    }
}
