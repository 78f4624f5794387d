namespace Monitoring.Host.Endpoints.Requests;

/// <summary>PUT /api/patients/{id}/limits: patient-specific limits (each optional, never looser than the ward's) and the reason.</summary>
public sealed record LimitsRequest(decimal? MaxRateMgPerKgPerHour, decimal? UsualMinMgPerKgPerHour, decimal? UsualMaxMgPerKgPerHour, decimal? AcuteBolusLimitMgPerKg, string? Reason);
