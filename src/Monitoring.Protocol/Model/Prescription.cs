namespace Monitoring.Protocol.Model;

/// <summary>What the charge nurse prescribed: regimen, the pharmacy's concentration and the weight it is dosed on.</summary>
/// <param name="WeightKg">Null when unknown: a running infusion then raises WEIGHT_UNKNOWN, never a silent pass.</param>
/// <param name="ConcentrationMgPerMl">What the pharmacy put in the syringe; null when not yet prescribed.</param>
public sealed record Prescription(
    Regimen Regimen,
    decimal? WeightKg,
    DateOnly? WeightMeasuredOn,
    bool WeightEstimated,
    decimal? ConcentrationMgPerMl);
