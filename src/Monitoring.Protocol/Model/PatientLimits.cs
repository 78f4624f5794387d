namespace Monitoring.Protocol.Model;

/// <summary>
/// Limits a charge nurse sets for one patient, with a reason (audited). Each one replaces the ward's value in every
/// rule and may only be tighter than it: a looser value is refused. A null member keeps the ward's value.
/// </summary>
/// <param name="MaxRateMgPerKgPerHour">A lower maximum dose rate (inclusive), a bound of the rate allowed now.</param>
/// <param name="UsualMinMgPerKgPerHour">A narrower usual range for SOFT_RANGE: its bottom, not below the ward's.</param>
/// <param name="UsualMaxMgPerKgPerHour">A narrower usual range for SOFT_RANGE: its top, not above the ward's.</param>
/// <param name="AcuteBolusLimitMgPerKg">A lower acute bolus limit (BOLUS_ACUTE: a bolus must be strictly below it).</param>
public sealed record PatientLimits(
    decimal? MaxRateMgPerKgPerHour,
    decimal? UsualMinMgPerKgPerHour,
    decimal? UsualMaxMgPerKgPerHour,
    decimal? AcuteBolusLimitMgPerKg,
    string Reason,
    string SetBy)
{
    /// <summary>Server time of setting; the engine stamps it.</summary>
    public DateTimeOffset SetAt { get; init; }

    public bool IsEmpty => MaxRateMgPerKgPerHour is null && UsualMinMgPerKgPerHour is null
        && UsualMaxMgPerKgPerHour is null && AcuteBolusLimitMgPerKg is null;
}
