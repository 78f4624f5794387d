using Monitoring.Protocol.Model;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Evaluation;

/// <summary>
/// WEIGHT_REVIEW: while the drug goes in, every per-kg limit is judged on the prescription's weight; an estimated
/// one, or one measured more than the ward's limit ago, may overstate the kg of a cachectic patient, so a new weight
/// is asked for. Holds until the weight is updated (or nothing runs). An unknown weight is WEIGHT_UNKNOWN instead.
/// </summary>
internal static class WeightRules
{
    public static IEnumerable<RuleCondition> Evaluate(PatientState s, DateTimeOffset now, ProtocolParameters p)
    {
        var prescription = s.Prescription;
        if (!s.InfusionGoingIn || prescription.WeightKg is null)
        {
            yield break;
        }

        string? reason = null;
        if (prescription.WeightEstimated)
        {
            reason = "weight estimated";
        }
        else if (prescription.WeightMeasuredOn is not { } measuredOn)
        {
            reason = "weight with no measurement date";
        }
        else
        {
            // From the start of the day it was measured: the oldest it can be, so the prompt never comes late.
            var measuredAt = new DateTimeOffset(measuredOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (now - measuredAt > p.Weight.ReviewAfter)
            {
                reason = $"weight measured {measuredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}, {(int)(now - measuredAt).TotalDays} days ago";
            }
        }

        if (reason is not null)
        {
            yield return new RuleCondition(RuleIds.WeightReview, p.Rule(RuleIds.WeightReview).Priority, reason, 0, s.Pump?.PumpId);
        }
    }
}
