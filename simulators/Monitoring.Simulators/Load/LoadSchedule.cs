namespace Monitoring.Simulators.Load;

/// <summary>
/// A steady schedule: message n of the whole run is due at n / (P x R) seconds and belongs to patient
/// n mod P, so every patient sends at R per second, evenly spread, with no bursts at second boundaries.
/// </summary>
public sealed class LoadSchedule(int patients, double ratePerPatient)
{
    public double TotalRate { get; } = patients * ratePerPatient;

    public TimeSpan DueAt(long n) => TimeSpan.FromSeconds(n / TotalRate);

    /// <summary>How many messages are due by an elapsed time.</summary>
    public long DueBy(TimeSpan elapsed) => (long)Math.Floor(elapsed.TotalSeconds * TotalRate) + 1;

    public int PatientOf(long n) => (int)(n % patients);

    /// <summary>A patient's messages alternate: even ones from its pump, odd ones from its monitor.</summary>
    public bool IsPumpMessage(long n) => n / patients % 2 == 0;
}
