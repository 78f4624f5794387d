using System.Runtime.InteropServices;

namespace Monitoring.Bench.Reporting;

/// <summary>What the figures were measured on.</summary>
public sealed record MachineInfo(string Cpu, int Cores, long MemoryBytes, string Os, string Runtime, double LoadAverageAtStart)
{
    public static MachineInfo Read()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        var memKb = File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        var load = File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        return new MachineInfo(cpu, Environment.ProcessorCount, memKb * 1024, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, load);
    }
}
