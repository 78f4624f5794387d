using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// NO_BENEFIT's measure: the mean pain of the trailing window against the pre-ketamine baseline. A benefit
/// is a fall of at least the ward's percentage OR at least its points. Missing data is never read as benefit.
/// </summary>
public static class BenefitAssessment
{
    /// <returns>Null when a benefit is shown; otherwise what was found, as the alert's value.</returns>
    public static string? FindNoBenefit(PatientState s, DateTimeOffset now, ResponseReviewParameters p)
    {
        if (s.BaselinePain is not { } baseline)
        {
            return "no pre-ketamine baseline pain recorded: benefit cannot be judged";
        }

        var from = now - p.MeanPainWindow;
        var scores = s.Observations
            .Where(o => o.Kind == ObservationKind.Pain && o.Number is not null && o.ReceivedAt > from && o.ReceivedAt <= now)
            .Select(o => o.Number!.Value)
            .ToList();
        if (scores.Count == 0)
        {
            return $"no pain score in the last {ValueText.Duration(p.MeanPainWindow)}: benefit cannot be judged";
        }

        var mean = scores.Average();
        var fall = baseline - mean;
        var benefit = fall * 100m >= p.BenefitMinReductionPercent * baseline || fall >= p.BenefitMinReductionPoints;
        return benefit
            ? null
            : $"mean pain {ValueText.Number(mean, 1)} against baseline {ValueText.Number(baseline, 1)}";
    }
}
