using System.CommandLine;
using Monitoring.Simulators.Cli;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Scenarios;

var common = new CommonOptions();
var root = new RootCommand("""
    Simulated pumps, monitors and nurses for the ketamine monitoring product. They speak only its
    outside contract (MQTT topics, REST, the ward hub), as real devices and clients would.

    Examples:
      monitoring-sim ward --beds 12 --admit --charge-password ...   a live demo ward
      monitoring-sim ward --admit --wait-ready 2m ...               the same, beside a host still starting
      monitoring-sim scenario run                                   every shipped scenario against http://localhost:5000
      monitoring-sim scenario run scenarios/occlusion.yaml
      monitoring-sim scenario validate                              check the scenario files (no host needed)
      monitoring-sim load --patients 2000 --rate 2 --connections 4  load mode
    """);
foreach (var option in common.All)
{
    root.Options.Add(option);
}

root.Subcommands.Add(WardCommand.Create(common));
root.Subcommands.Add(ScenarioCommand.Create(common));
root.Subcommands.Add(LoadCommand.Create(common));

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
}
catch (Exception ex) when (ex is UsageException or ScenarioLoadException or HostApiException or HttpRequestException or InvalidOperationException or IOException or TimeoutException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
