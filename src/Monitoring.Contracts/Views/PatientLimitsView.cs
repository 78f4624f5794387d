namespace Monitoring.Contracts.Views;

/// <summary>The patient-specific limits on the snapshot (`limits`); a null member is the ward's value.</summary>
[GenerateSerializer, Immutable]
public sealed record PatientLimitsView(
    [property: Id(0)] decimal? MaxRateMgPerKgPerHour,
    [property: Id(1)] decimal? UsualMinMgPerKgPerHour,
    [property: Id(2)] decimal? UsualMaxMgPerKgPerHour,
    [property: Id(3)] decimal? AcuteBolusLimitMgPerKg,
    [property: Id(4)] string Reason,
    [property: Id(5)] string SetBy,
    [property: Id(6)] DateTimeOffset SetAt);
