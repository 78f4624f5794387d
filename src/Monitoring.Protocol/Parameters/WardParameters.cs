namespace Monitoring.Protocol.Parameters;

/// <param name="EnforcingMode">Enforcing wards command pumps; advisory wards only alert.</param>
public sealed record WardParameters(bool EnforcingMode);
