namespace Monitoring.Protocol.Parameters;

/// <summary>What any such device can measure: beyond these a message cannot be read and is refused.</summary>
public sealed record DeviceLimits(
    decimal MaxRateMlPerHour,
    decimal DefaultRateStepMlPerHour,
    decimal MaxSpo2Percent,
    decimal MaxHeartRate,
    decimal MaxRespRate,
    decimal MaxSystolic,
    decimal MaxDiastolic,
    decimal MinTemperature,
    decimal MaxTemperature,
    decimal MaxConcentrationMgPerMl,
    decimal MaxBolusMg,
    decimal MaxMidazolamMg,
    decimal MaxOpioidMgPerDay);
