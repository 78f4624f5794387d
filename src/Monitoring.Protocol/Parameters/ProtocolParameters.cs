using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Parameters;

/// <summary>
/// Every number the clinical rules use, loaded from seeds/ketamine-protocol.json by
/// <see cref="ProtocolParametersLoader"/>. Nothing clinical is a literal in code.
/// </summary>
public sealed record ProtocolParameters(
    WeightParameters Weight,
    DoseRateParameters DoseRate,
    BolusParameters Bolus,
    CumulativeHourParameters CumulativeHour,
    TitrationParameters Titration,
    BenzodiazepineParameters Benzodiazepine,
    PauseParameters Pause,
    CommandParameters Commands,
    SedationParameters Sedation,
    VitalsParameters Vitals,
    News2Parameters News2,
    CommsParameters Comms,
    AlertParameters Alerts,
    ResponseReviewParameters ResponseReview,
    CourseParameters Course,
    DeviceLimits DeviceLimits,
    ScaleParameters Scales,
    WardParameters Ward,
    IReadOnlyDictionary<string, RuleDefinition> Rules)
{
    /// <summary>The definition of a rule id; every id of <see cref="RuleIds.All"/> has one (checked at load).</summary>
    public RuleDefinition Rule(string ruleId) => Rules[ruleId];
}
