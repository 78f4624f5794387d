using System.Globalization;

namespace Monitoring.Bench.Measuring;

/// <summary>Reads /proc/&lt;pid&gt;/status (VmRSS) and /proc/&lt;pid&gt;/stat (utime + stime).</summary>
public static class ProcFs
{
    private static readonly double TicksPerSecond = ClockTicks();

    public static ProcessSample Read(int pid)
    {
        if (pid <= 0 || !File.Exists($"/proc/{pid}/stat"))
        {
            return new ProcessSample(0, TimeSpan.Zero);
        }

        try
        {
            var rssLine = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var rssKb = rssLine is null ? 0 : long.Parse(rssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

            // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new ProcessSample(rssKb * 1024, TimeSpan.FromSeconds(ticks / TicksPerSecond));
        }
        catch (IOException)
        {
            return new ProcessSample(0, TimeSpan.Zero);
        }
    }

    /// <summary>USER_HZ: 100 on every Linux the product runs on; getconf says for sure.</summary>
    private static double ClockTicks()
    {
        try
        {
            var output = ProcessRunner.MustAsync("getconf", ["CLK_TCK"]).GetAwaiter().GetResult();
            return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return 100;
        }
    }
}
