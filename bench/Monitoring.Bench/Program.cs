using Monitoring.Bench;
using Monitoring.Bench.Phases;
using Monitoring.Bench.Soak;

// bench/run.sh [--quick]: the full run (the figures) or a quick one that checks the harness end to end.
// bench/soak.sh runs "soak [--minutes N] [--beds N] [--seed N] [--events N] [--out FOLDER]": the chaos soak.
if (args.FirstOrDefault() == "soak")
{
    return await SoakCommand.RunAsync(args.Skip(1).ToList());
}

var quick = args.Contains("--quick");
var root = RepositoryRoot.Find();
// A quick run writes beside the full results, never over them (they are the committed figures).
var results = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault()
    ?? Path.Combine(root, "bench", "results", quick ? "quick" : "");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var run = new BenchRun(quick ? BenchSettings.Quick : BenchSettings.Full, quick ? "quick" : "full", root, results, Console.Out);
try
{
    var report = await run.RunAsync(stop.Token);
    Console.WriteLine($"bench finished in {report.TotalSeconds / 60:0.0} min");
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.WriteLine("bench stopped (Ctrl+C): servers stopped, no results written");
    return 130;
}
