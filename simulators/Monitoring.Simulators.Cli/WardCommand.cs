using System.CommandLine;
using Monitoring.Simulators.Ward;

namespace Monitoring.Simulators.Cli;

/// <summary>`ward`: N beds in real time.</summary>
internal static class WardCommand
{
    public static Command Create(CommonOptions common)
    {
        var beds = new Option<int>("--beds", "-n") { Description = "Beds to simulate, each with a pump, a monitor and a charting nurse", DefaultValueFactory = _ => 12 };
        var profile = new Option<string>("--profile") { Description = "Ward profile: ids, regimen figures, charting habits", DefaultValueFactory = _ => CommonOptions.Shipped("ward-profile.yaml") };
        var admit = new Option<bool>("--admit") { Description = "Admit each bed's patient and associate its devices over REST first (needs the charge nurse's password)" };
        var prefix = new Option<string>("--id-prefix") { Description = "Prefix for patient and device ids (empty: the profile's ids, matching the seeded ward inventory)", DefaultValueFactory = _ => "" };
        var waitReady = new Option<TimeSpan?>("--wait-ready") { Description = "With --admit: wait up to this long (e.g. 2m) for the host to answer /health/ready first (a host started beside this one)", CustomParser = r => CommonOptions.ParseDuration(r) };
        var duration = new Option<TimeSpan?>("--duration") { Description = "Stop after this long (e.g. 10m); default: until Ctrl+C", CustomParser = r => CommonOptions.ParseDuration(r) };
        var command = new Command("ward", "Run a live ward of N beds in real time: pumps following their regimens, noisy monitors, a nurse charting pain and RASS on rounds")
        {
            beds, profile, admit, prefix, waitReady, duration,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var admitting = result.GetValue(admit);
            if (!admitting && result.GetValue(waitReady) is not null)
            {
                throw new UsageException("--wait-ready needs --admit (it waits for the host the ward is admitted to)");
            }

            var options = new WardOptions
            {
                Beds = Positive(result.GetValue(beds), "--beds"),
                Profile = WardProfileLoader.LoadFile(result.GetValue(profile)!),
                Mqtt = common.Mqtt(result),
                Connections = Positive(result.GetValue(common.Connections), "--connections"),
                HostUrl = admitting ? result.GetValue(common.HostUrl) : null,
                Charge = admitting ? common.Charge(result) : null,
                IdPrefix = result.GetValue(prefix) ?? "",
                WaitReady = admitting ? result.GetValue(waitReady) : null,
                Duration = result.GetValue(duration),
            };

            await new WardSimulation(options, Console.Out).RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    internal static int Positive(int value, string name) => value > 0 ? value : throw new UsageException($"{name} must be positive");
}
