namespace Monitoring.Protocol.Parameters;

/// <summary>The gradual regimen: start dose, the two step bands and their intervals, the high daily dose.</summary>
public sealed record TitrationParameters(
    decimal StartMaxMgPerDay,
    decimal LowBandUpToMgPerDay,
    decimal LowBandMaxStepMgPerDay,
    TimeSpan LowBandMinInterval,
    decimal HighBandMaxStepMgPerDay,
    TimeSpan HighBandMinInterval,
    decimal HighDailyDoseMgPerDay);
