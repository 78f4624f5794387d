namespace Monitoring.Protocol.Parameters;

/// <param name="TestMaxMgPerKg">A test bolus above this alarms (equal is allowed).</param>
/// <param name="AcuteLimitMgPerKg">An acute bolus must be strictly below this.</param>
public sealed record BolusParameters(decimal TestMaxMgPerKg, int TestBolusesPerCourse, decimal AcuteLimitMgPerKg);
