using System.CommandLine;
using Monitoring.Simulators.Load;
using Monitoring.Simulators.Ward;

namespace Monitoring.Simulators.Cli;

/// <summary>`load`: P patients at R messages per second each.</summary>
internal static class LoadCommand
{
    public static Command Create(CommonOptions common)
    {
        var patients = new Option<int>("--patients", "-p") { Description = "Simulated patients (each a pump and a monitor)", DefaultValueFactory = _ => 100 };
        var rate = new Option<double>("--rate", "-r") { Description = "Messages per second per patient, alternating pump status and vitals", DefaultValueFactory = _ => 1 };
        var duration = new Option<TimeSpan>("--duration", "-d") { Description = "How long to publish (e.g. 60s, 5m)", DefaultValueFactory = _ => TimeSpan.FromSeconds(60), CustomParser = r => CommonOptions.ParseDuration(r) };
        var profile = new Option<string>("--profile") { Description = "Ward profile for the regimen figures and id formats", DefaultValueFactory = _ => CommonOptions.Shipped("ward-profile.yaml") };
        var prefix = new Option<string>("--id-prefix") { Description = "Prefix for every id of the run", DefaultValueFactory = _ => "load-" };
        var admit = new Option<bool>("--admit") { Description = "Admit the patients and associate their devices over REST first, so the host evaluates every message (needs the charge nurse's password)" };
        var command = new Command("load", "Load mode: P patients at R messages per second each on a steady schedule, multiplexed over --connections MQTT connections; reports what was published and the rate achieved")
        {
            patients, rate, duration, profile, prefix, admit,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var admitting = result.GetValue(admit);
            var perPatient = result.GetValue(rate);
            if (perPatient <= 0)
            {
                throw new UsageException("--rate must be positive");
            }

            var options = new LoadOptions
            {
                Patients = WardCommand.Positive(result.GetValue(patients), "--patients"),
                RatePerPatient = perPatient,
                Duration = result.GetValue(duration),
                Profile = WardProfileLoader.LoadFile(result.GetValue(profile)!),
                Mqtt = common.Mqtt(result),
                Connections = WardCommand.Positive(result.GetValue(common.Connections), "--connections"),
                IdPrefix = result.GetValue(prefix) ?? "",
                HostUrl = admitting ? result.GetValue(common.HostUrl) : null,
                Charge = admitting ? common.Charge(result) : null,
            };
            var report = await new LoadGenerator(options, Console.Out).RunAsync(cancellationToken).ConfigureAwait(false);
            foreach (var line in report.Lines())
            {
                Console.WriteLine(line);
            }

            return report.Failed == 0 ? 0 : 1;
        });
        return command;
    }
}
