namespace Monitoring.Bench.Reporting;

/// <summary>The host's resident memory with a number of patients admitted and their devices publishing.</summary>
public sealed record MemoryPoint(int Patients, long HostRssBytes)
{
    public double BytesPerPatient => Patients > 0 ? (double)HostRssBytes / Patients : 0;
}
