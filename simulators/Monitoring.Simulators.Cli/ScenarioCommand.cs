using System.CommandLine;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Simulators.Cli;

/// <summary>`scenario run | validate | list`.</summary>
internal static class ScenarioCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("scenario", "Scripted scenarios (simulators/scenarios/*.yaml): play them against a host, or check the files");
        command.Subcommands.Add(Run(common));
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Run(CommonOptions common)
    {
        var files = new Argument<string[]>("files") { Description = "Scenario files to play (none: every scenario in --dir)", Arity = ArgumentArity.ZeroOrMore };
        var dir = DirOption();
        var clock = new Option<string>("--clock") { Description = "any: the host's virtual clock when it has one, else real time; virtual: require it; real: always real time", DefaultValueFactory = _ => "any" };
        clock.AcceptOnlyFromAmong("any", "virtual", "real");
        var maxStep = new Option<TimeSpan>("--max-step") { Description = "Largest virtual clock step (the contract: at most 5s for no comms-loss alerts)", DefaultValueFactory = _ => HostVirtualClock.DefaultMaxStep, CustomParser = r => CommonOptions.ParseDuration(r) };
        var settle = new Option<int>("--settle-ms") { Description = "Pause before each virtual clock step so a slow host has taken the last device messages", DefaultValueFactory = _ => 0 };
        var stepSettle = new Option<int>("--step-settle-ms") { Description = "Pause after steps (before the clock moves or a check reads the host) for the host to react and the devices to confirm its commands", DefaultValueFactory = _ => 300 };
        var prefix = new Option<string?>("--id-prefix") { Description = "Prefix for the run's patient and device ids (default: fresh per scenario)" };
        var command = new Command("run", "Play scenarios against a running host as an external client (REST, MQTT, the ward hub) and print a pass/fail table; exit code 1 if any fails")
        {
            files, dir, clock, maxStep, settle, stepSettle, prefix,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var scenarios = Load(result.GetValue(files) ?? [], result.GetValue(dir)!);
            var step = result.GetValue(maxStep);
            if (step <= TimeSpan.Zero || step > HostVirtualClock.DefaultMaxStep)
            {
                Console.Error.WriteLine($"note: --max-step {DurationParser.Format(step)} is outside (0, 5s]; comms-loss alerts may fire between reports");
            }

            var options = new ScenarioRunnerOptions
            {
                HostUrl = result.GetValue(common.HostUrl)!,
                Mqtt = common.Mqtt(result),
                MqttConnections = WardCommand.Positive(result.GetValue(common.Connections), "--connections"),
                Charge = common.Charge(result),
                Nurse = common.Nurse(result),
                Clock = Enum.Parse<ClockMode>(result.GetValue(clock)!, ignoreCase: true),
                MaxClockStep = step > TimeSpan.Zero ? step : HostVirtualClock.DefaultMaxStep,
                Settle = TimeSpan.FromMilliseconds(Math.Max(0, result.GetValue(settle))),
                StepSettle = TimeSpan.FromMilliseconds(Math.Max(0, result.GetValue(stepSettle))),
                IdPrefix = result.GetValue(prefix),
            };
            var runner = new ScenarioRunner(options, Console.Error);
            var reports = new List<ScenarioReport>();
            foreach (var scenario in scenarios)
            {
                var report = await runner.RunAsync(scenario, cancellationToken).ConfigureAwait(false);
                ReportPrinter.PrintScenario(Console.Out, report);
                reports.Add(report);
            }

            ReportPrinter.PrintSummary(Console.Out, reports);
            return reports.All(r => r.Passed) ? 0 : 1;
        });
        return command;
    }

    private static Command Validate()
    {
        var files = new Argument<string[]>("files") { Description = "Scenario files to check (none: every scenario in --dir)", Arity = ArgumentArity.ZeroOrMore };
        var dir = DirOption();
        var command = new Command("validate", "Load and validate scenario files without a host; errors name the file and line") { files, dir };
        command.SetAction(result =>
        {
            var scenarios = Load(result.GetValue(files) ?? [], result.GetValue(dir)!);
            Console.WriteLine($"{scenarios.Count} scenario file(s) valid");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var dir = DirOption();
        var command = new Command("list", "List the scenarios with their steps, checks and simulated length") { dir };
        command.SetAction(result =>
        {
            var scenarios = ScenarioLoader.LoadDirectory(result.GetValue(dir)!);
            var rows = scenarios.Select(s => new[] { s.Name, s.Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Expectations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), DurationParser.Format(s.RunUntil), s.Title }).ToList();
            ReportPrinter.WriteTable(Console.Out, ["scenario", "steps", "checks", "length", "title"], rows, "");
            return 0;
        });
        return command;
    }

    private static Option<string> DirOption() => new("--dir")
    {
        Description = "Folder of scenario files",
        DefaultValueFactory = _ => CommonOptions.Shipped("scenarios"),
    };

    private static IReadOnlyList<Scenario> Load(string[] files, string dir) =>
        files.Length == 0 ? ScenarioLoader.LoadDirectory(dir) : [.. files.Select(ScenarioLoader.LoadFile)];
}
