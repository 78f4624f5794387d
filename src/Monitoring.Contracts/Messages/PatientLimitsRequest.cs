namespace Monitoring.Contracts.Messages;

/// <summary>
/// PUT /api/patients/{id}/limits: patient-specific limits with a reason, each never looser than the ward's value.
/// A member left out keeps the ward's value; all left out returns the patient to the ward's values.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PatientLimitsRequest(
    [property: Id(0)] decimal? MaxRateMgPerKgPerHour,
    [property: Id(1)] decimal? UsualMinMgPerKgPerHour,
    [property: Id(2)] decimal? UsualMaxMgPerKgPerHour,
    [property: Id(3)] decimal? AcuteBolusLimitMgPerKg,
    [property: Id(4)] string? Reason);
