namespace Monitoring.Protocol.Model;

/// <summary>
/// The prescriber's order for the course, as a charge nurse transcribes it. Recording one makes its regimen and
/// concentration the prescription, and its maximum a bound of the rate allowed now (<see cref="Evaluation.AllowedRate"/>).
/// A course without an order is bounded by the ceiling alone (today's behaviour).
/// </summary>
/// <param name="Prescriber">Who prescribed (name or staff id, as on the chart); the nurse who transcribed is <paramref name="RecordedBy"/>.</param>
/// <param name="ConcentrationMgPerMl">What the pharmacy put in the syringe.</param>
/// <param name="StartRateMgPerKgPerHour">The dose rate to start at; not above the maximum.</param>
/// <param name="MaxRateMgPerKgPerHour">The highest dose rate allowed now (inclusive); never above the ceiling.</param>
public sealed record CourseOrder(
    string Prescriber,
    Regimen Regimen,
    decimal ConcentrationMgPerMl,
    decimal StartRateMgPerKgPerHour,
    decimal MaxRateMgPerKgPerHour,
    string RecordedBy)
{
    /// <summary>Server time of recording; the engine stamps it.</summary>
    public DateTimeOffset RecordedAt { get; init; }
}
