namespace Monitoring.Bench.Measuring;

/// <summary>One reading of a process: resident memory and CPU time used so far (user + system).</summary>
public sealed record ProcessSample(long RssBytes, TimeSpan Cpu);
