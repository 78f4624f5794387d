using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Monitoring.Scenarios.Tests.Support;
using Monitoring.Simulators.HostApi;
using Xunit.Abstractions;

namespace Monitoring.Scenarios.Tests;

/// <summary>
/// The README's run command, as a newcomer types it: `./build.sh run` starts the host and, beside it, the demo ward
/// (the simulators' CLI, admitting its patients over REST and playing their pumps and monitors over MQTT), so a nurse
/// sees a live ward without doing anything; Ctrl+C stops both. The product itself simulates nothing.
/// </summary>
public sealed class DemoWardTests(ITestOutputHelper output)
{
    private const int Beds = 3;
    private const int SigInt = 2;
    private const int SigKill = 9;
    private static readonly TimeSpan StopsWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_run_command_shows_a_nurse_live_demo_beds_and_Ctrl_C_stops_host_and_ward()
    {
        var http = FreePorts.Next();
        using var run = StartRunCommand(http, FreePorts.Next());
        try
        {
            using var nurse = new HostApiClient(new Uri($"http://127.0.0.1:{http}"));
            using var timeout = new CancellationTokenSource(VirtualClockHostFixture.Generous);
            await HostReadiness.WaitAsync(nurse.BaseUrl, VirtualClockHostFixture.Generous, timeout.Token);
            await nurse.LoginAsync(VirtualClockHostFixture.Nurse, timeout.Token);

            JsonArray? beds = null;
            while (!timeout.IsCancellationRequested && !run.HasExited)
            {
                var ward = await nurse.GetAsync(HostRoutes.Ward("ward-a"), timeout.Token);
                beds = ward.Json()?["beds"]?.AsArray();
                if (beds is { Count: Beds } && beds.All(Live))
                {
                    break;
                }

                await Task.Delay(250, timeout.Token);
            }

            Assert.NotNull(beds);
            Assert.Equal(Beds, beds!.Count);
            Assert.All(beds, bed => Assert.True(Live(bed), $"not live: {bed?.ToJsonString()}"));

            // Ctrl+C in a terminal: SIGINT to the whole foreground process group.
            var group = run.Id;
            Signal(SigInt, -group);
            Assert.True(run.WaitForExit(StopsWithin), $"./build.sh run still running {StopsWithin.TotalSeconds:0} s after Ctrl+C");
            Assert.Equal(0, run.ExitCode);
            Assert.Empty(await ProcessesLeftIn(group));
        }
        finally
        {
            if (!run.HasExited)
            {
                Signal(SigKill, -run.Id);
            }
        }
    }

    private static bool Live(JsonNode? bed) =>
        bed?["pump"]?["state"]?.GetValue<string>() == "running"
        && bed["vitals"]?["heartRate"]?["ageSeconds"] is { } age
        && age.GetValue<double>() < 30;

    /// <summary>`./build.sh run` in a process group of its own (setsid), on the build this test runs against.</summary>
    private Process StartRunCommand(int httpPort, int mqttPort)
    {
        var start = new ProcessStartInfo("setsid", ["bash", "build.sh", "run"])
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Mqtt__Port"] = mqttPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Simulator__Beds"] = Beds.ToString(CultureInfo.InvariantCulture);
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // The test suite has built everything already: no second build while other suites run from its output.
        start.Environment["RUN_NO_BUILD"] = "1";
        start.Environment["RUN_CONFIGURATION"] = typeof(DemoWardTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test has ended: late output is dropped.
            }
        }
    }

    /// <summary>kill(2): a negative target is a whole process group.</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int target, int signal);

    private static void Signal(int signal, int target)
    {
        if (Kill(target, signal) != 0)
        {
            throw new InvalidOperationException($"kill({target}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Processes still in the process group a few seconds on (the ward's log prefixer ends just after it).</summary>
    private static async Task<List<string>> ProcessesLeftIn(int group)
    {
        var left = ProcessesIn(group);
        for (var i = 0; i < 20 && left.Count > 0; i++)
        {
            await Task.Delay(250);
            left = ProcessesIn(group);
        }

        return left;
    }

    /// <summary>The processes whose process group is <paramref name="group"/>, from /proc (field 5 of stat).</summary>
    private static List<string> ProcessesIn(int group)
    {
        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                // "pid (comm) state ppid pgrp ...": comm may hold spaces, so read after its closing parenthesis.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[2], CultureInfo.InvariantCulture) == group)
                {
                    found.Add(File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' '));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // Not a process folder, or the process ended while it was read.
            }
        }

        return found;
    }
}
