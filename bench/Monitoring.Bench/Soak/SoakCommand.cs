namespace Monitoring.Bench.Soak;

/// <summary>
/// The soak's command line: runs it and answers 0 only when no acknowledged message was lost and every expected alert
/// was raised. A soak shorter than the issue's 30 minutes writes beside the committed figures, never over them.
/// </summary>
public static class SoakCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var root = RepositoryRoot.Find();
        var probe = SoakSettings.Parse(args, "");
        var full = probe.Minutes >= 30 && probe.Beds >= 200;
        var settings = SoakSettings.Parse(args, Path.Combine(root, "bench", "results", full ? "" : "soak-short"));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            var report = await new SoakRun(settings, root, Console.Out).RunAsync(stop.Token);
            Console.WriteLine($"soak {(report.Passed ? "passed" : "FAILED")}: {report.AcknowledgedLost} acknowledged messages lost, {report.AlertsMissed} expected alerts missed (seed {settings.Seed})");
            return report.Passed ? 0 : 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("soak stopped (Ctrl+C): servers stopped, no results written");
            return 130;
        }
    }
}
