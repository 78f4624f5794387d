namespace Monitoring.Protocol.Parameters;

/// <summary>The gradual regimen: start dose, the two step bands and their intervals, the high daily dose.</summary>
/// <param name="RoundingToleranceFraction">
/// The pump-rounding tolerance is one pump rate step in mg/day, capped at this fraction of the smallest
/// titration quantity (start limit or step), so it never swallows a whole step (I8).
/// </param>
public sealed record TitrationParameters(
    decimal StartMaxMgPerDay,
    decimal LowBandUpToMgPerDay,
    decimal LowBandMaxStepMgPerDay,
    TimeSpan LowBandMinInterval,
    decimal HighBandMaxStepMgPerDay,
    TimeSpan HighBandMinInterval,
    decimal HighDailyDoseMgPerDay,
    decimal RoundingToleranceFraction);
