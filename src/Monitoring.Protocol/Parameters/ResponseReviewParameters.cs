namespace Monitoring.Protocol.Parameters;

public sealed record ResponseReviewParameters(
    TimeSpan DueAfter,
    TimeSpan OverdueAfter,
    TimeSpan MeanPainWindow,
    decimal BenefitMinReductionPercent,
    decimal BenefitMinReductionPoints);
