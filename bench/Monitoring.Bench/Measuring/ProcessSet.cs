namespace Monitoring.Bench.Measuring;

/// <summary>The processes whose CPU and memory a step reports, by role (broker, host, load, redis, postgres).</summary>
public sealed class ProcessSet
{
    private readonly Dictionary<string, Func<int>> _pids = new(StringComparer.Ordinal);

    public void Add(string role, Func<int> pid) => _pids[role] = pid;

    public IReadOnlyDictionary<string, ProcessSample> Sample() =>
        _pids.ToDictionary(p => p.Key, p => ProcFs.Read(p.Value()), StringComparer.Ordinal);

    /// <summary>CPU used between two samples as a share of one core (1.0 = one core busy), per role.</summary>
    public static Dictionary<string, double> CpuCores(IReadOnlyDictionary<string, ProcessSample> before, IReadOnlyDictionary<string, ProcessSample> after, TimeSpan elapsed) =>
        after.ToDictionary(
            a => a.Key,
            a => elapsed > TimeSpan.Zero && before.TryGetValue(a.Key, out var b) ? Math.Round((a.Value.Cpu - b.Cpu).TotalSeconds / elapsed.TotalSeconds, 3) : 0,
            StringComparer.Ordinal);
}
