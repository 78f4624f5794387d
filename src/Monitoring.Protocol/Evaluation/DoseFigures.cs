using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Evaluation;

/// <summary>The dose numbers of a patient at a moment, as the rules and the bedside view use them.</summary>
/// <param name="DoseRateMgPerKgPerHour">Null when weight or concentration is unknown (never guessed).</param>
public sealed record DoseFigures(
    decimal? DoseRateMgPerKgPerHour,
    decimal? ProgrammedDailyDoseMg,
    decimal? DeliveredDailyDoseMg,
    decimal? TrailingHourMg)
{
    public static DoseFigures Of(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        var status = s.Pump?.Status;
        var concentration = s.CheckingConcentrationMgPerMl;
        var weight = s.Prescription.WeightKg;

        decimal? doseRate = status is not null && concentration is { } c && weight is { } w
            ? DoseRateCalculator.DoseRateMgPerKgPerHour(status.RateMlPerHour, c, w)
            : null;
        decimal? programmed = status is not null && concentration is { } c2
            ? DoseRateCalculator.ProgrammedDailyDoseMg(status.RateMlPerHour, c2, p.DoseRate.DailyDoseWindow)
            : null;
        var delivered = s.Ledger.DeliveredMg(now - p.DoseRate.DailyDoseWindow, now);
        var trailingHour = s.Ledger.DeliveredMg(now - p.CumulativeHour.Window, now);
        return new DoseFigures(doseRate, programmed, delivered, trailingHour);
    }
}
