namespace Monitoring.Protocol.Parameters;

/// <summary>Vital-sign alarm limits and their condition delays.</summary>
public sealed record VitalsParameters(
    decimal Spo2BelowPercent,
    decimal Spo2BelowPercentScale2,
    IReadOnlyList<decimal> Spo2WorseBandsPercent,
    TimeSpan Spo2Delay,
    decimal RespRateBelow,
    decimal RespRateAbove,
    TimeSpan RespRateDelay,
    decimal HeartRateBelow,
    decimal HeartRateAbove,
    TimeSpan HeartRateDelay,
    decimal SystolicAtOrAbove,
    decimal SystolicBelow);
